import type { Migration } from '../migrations'

/**
 * What each kind of job usually takes outlives the jobs themselves: `finished_jobs` keeps the
 * latest finished jobs per mode and kind (db/finished-jobs-repo.ts), so "Clear finished" no
 * longer forgets them. Jobs that had finished before are copied in once.
 */
export const finishedJobsMigration: Migration = {
  version: 11,
  name: 'finished-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE finished_jobs (
        mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'krev')),
        job_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        video_seconds REAL,
        PRIMARY KEY (mode, job_id)
      );
      CREATE INDEX finished_jobs_latest ON finished_jobs (mode, kind, finished_at);
      INSERT INTO finished_jobs (mode, job_id, kind, sent_at, finished_at, video_seconds)
        SELECT mode, id, kind, sent_at, updated_at,
          CASE WHEN kind = 'video' THEN json_extract(request, '$.params.duration') END
        FROM queue_jobs WHERE status = 'succeeded' AND sent_at IS NOT NULL;
    `)
  }
}
