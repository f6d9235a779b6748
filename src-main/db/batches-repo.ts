import type { BatchInfo } from '../../src-preload/contract'
import type { QueueMode } from '../queue/job-model'
import type { Db } from './database'

/**
 * The `queue_batches` table (migration 006): a batch's name, size and estimate, per mode,
 * and the user action that made it. Synchronous, so `insertSync` sits inside the same
 * transaction as the batch's jobs (queue/batch-submit.ts): a batch is on disk whole or not at all.
 */

export interface StoredBatch extends BatchInfo {
  mode: QueueMode
  actionId: string | null
}

export interface BatchesRepo {
  insertSync(batch: StoredBatch): void
  /** The mode's batches, newest first. */
  all(mode: QueueMode): StoredBatch[]
  get(mode: QueueMode, id: string): StoredBatch | null
  byAction(mode: QueueMode, actionId: string): StoredBatch | null
}

interface Row {
  mode: QueueMode
  id: string
  name: string
  created_at: string
  job_count: number
  credits_estimate: number
  action_id: string | null
}

const fromRow = (r: Row): StoredBatch => ({
  mode: r.mode,
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  jobCount: r.job_count,
  creditsEstimate: r.credits_estimate,
  actionId: r.action_id
})

export function createBatchesRepo(db: Db): BatchesRepo {
  const insert = db.prepare(
    'INSERT INTO queue_batches (mode, id, name, created_at, job_count, credits_estimate, action_id) VALUES (@mode, @id, @name, @created_at, @job_count, @credits_estimate, @action_id)'
  )
  const selectAll = db.prepare('SELECT * FROM queue_batches WHERE mode = ? ORDER BY created_at DESC, rowid DESC')
  const selectOne = db.prepare('SELECT * FROM queue_batches WHERE mode = ? AND id = ?')
  const selectByAction = db.prepare('SELECT * FROM queue_batches WHERE mode = ? AND action_id = ? LIMIT 1')
  const one = (row: unknown) => (row ? fromRow(row as Row) : null)
  return {
    insertSync(b) {
      insert.run({
        mode: b.mode,
        id: b.id,
        name: b.name,
        created_at: b.createdAt,
        job_count: b.jobCount,
        credits_estimate: b.creditsEstimate,
        action_id: b.actionId
      })
    },
    all: (mode) => (selectAll.all(mode) as Row[]).map(fromRow),
    get: (mode, id) => one(selectOne.get(mode, id)),
    byAction: (mode, actionId) => one(selectByAction.get(mode, actionId))
  }
}
