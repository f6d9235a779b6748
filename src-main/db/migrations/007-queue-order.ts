import type { Migration } from '../migrations'

/**
 * The order the creator gave the waiting jobs (queue/queue-order.ts), kept so a restart
 * sends them in that order, and where a job came from when it was not the Create screen
 * (queue/adopt-generation.ts: the chat agent started it). Jobs of before are numbered in
 * the order they were created, per mode, which is the order they used to run in.
 */
export const queueOrderMigration: Migration = {
  version: 7,
  name: 'queue-order',
  up(db) {
    db.exec(`
      ALTER TABLE queue_jobs ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE queue_jobs ADD COLUMN source TEXT;
      UPDATE queue_jobs SET position = (
        SELECT count(*) FROM queue_jobs AS o
        WHERE o.mode = queue_jobs.mode AND (o.created_at < queue_jobs.created_at OR (o.created_at = queue_jobs.created_at AND o.id < queue_jobs.id))
      ) + 1;
    `)
  }
}
