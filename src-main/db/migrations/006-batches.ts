import type { Migration } from '../migrations'

/**
 * Batches (queue/batch-submit.ts): one row per batch and mode, and on each job the batch it
 * was sent in (NULL for a job sent on its own and for jobs of before). The batch row keeps
 * the user action it came from, so the same action sent again, even after a restart, is
 * answered the batch it made. The jobs carry the state; the row only names and counts.
 */
export const batchesMigration: Migration = {
  version: 6,
  name: 'batches',
  up(db) {
    db.exec(`
      CREATE TABLE queue_batches (
        mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'krev')),
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        job_count INTEGER NOT NULL CHECK (job_count > 0),
        credits_estimate INTEGER NOT NULL,
        action_id TEXT,
        PRIMARY KEY (mode, id)
      );
      CREATE INDEX queue_batches_by_action ON queue_batches (mode, action_id);
      ALTER TABLE queue_jobs ADD COLUMN batch_id TEXT;
    `)
  }
}
