import type { Migration } from '../migrations'

/**
 * The queue ledger. One row per job, keyed by connection mode so sandbox and Krev jobs
 * never mix; the fields the queue filters or sorts on are columns, the nested ones
 * (request, error, outputs, asset ids, ad copy, balance) JSON text, so one job state is one
 * row write (a rowid table: rows of a kilobyte or more are what WITHOUT ROWID is not for).
 * The creator's pause is one row per mode.
 */
export const queueMigration: Migration = {
  version: 2,
  name: 'queue',
  up(db) {
    db.exec(`
      CREATE TABLE queue_jobs (
        mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'krev')),
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        progress REAL NOT NULL,
        title TEXT NOT NULL,
        request TEXT NOT NULL,
        generation_id TEXT,
        credits_estimate INTEGER NOT NULL,
        credits_used INTEGER,
        asset_ids TEXT NOT NULL,
        error TEXT,
        resumes_at TEXT,
        attempts INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sent_at TEXT,
        rerun_as TEXT,
        post_started_at TEXT,
        balance_before TEXT,
        server_retries INTEGER NOT NULL,
        output_urls TEXT NOT NULL,
        ad_copy TEXT,
        PRIMARY KEY (mode, id)
      );
      CREATE INDEX queue_jobs_by_created ON queue_jobs (mode, created_at);
      CREATE TABLE queue_pauses (
        mode TEXT PRIMARY KEY CHECK (mode IN ('sandbox', 'krev')),
        user_paused INTEGER NOT NULL CHECK (user_paused IN (0, 1))
      );
    `)
  }
}
