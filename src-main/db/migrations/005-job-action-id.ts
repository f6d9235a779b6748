import type { Migration } from '../migrations'

/**
 * The user action a job came from (queue/submit-once.ts), kept with the job so the same
 * action sent again after a restart is answered that job instead of making a second one.
 * Jobs of before have none (NULL). Looked up in the loaded queue, so no index.
 */
export const jobActionIdMigration: Migration = {
  version: 5,
  name: 'job-action-id',
  up(db) {
    db.exec('ALTER TABLE queue_jobs ADD COLUMN action_id TEXT')
  }
}
