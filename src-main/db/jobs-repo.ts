import type { FinishedJob } from '../../src-preload/contract'
import type { QueueMode, StoredJob } from '../queue/job-model'
import { storedJobShape } from '../queue/stored-job-shape'
import type { Db } from './database'
import { createFinishedJobsRepo } from './finished-jobs-repo'

/**
 * The `queue_jobs` table: one row per job and mode. Synchronous (better-sqlite3), so
 * `saveSync` can sit inside a caller's `db.transaction(...)` — "job completed" and the
 * library assets it made can then commit together. Rows are checked on the way out: a
 * damaged one is reported and skipped, never loaded half-read.
 */

export interface JobsRepo {
  /** Every readable job of a mode, oldest first. */
  all(mode: QueueMode, onDamaged?: (id: string) => void): StoredJob[]
  get(mode: QueueMode, id: string): StoredJob | null
  /** Inserts or replaces this state of the job; `ifAbsent` keeps a row already there. */
  saveSync(job: StoredJob, options?: { ifAbsent?: boolean }): void
  removeSync(job: Pick<StoredJob, 'id' | 'mode'>): void
  has(mode: QueueMode, id: string): boolean
  count(mode: QueueMode): number
  /** The latest finished jobs per kind, kept after their rows are removed. */
  finished(mode: QueueMode): FinishedJob[]
}

interface Row {
  mode: string
  id: string
  kind: string
  status: string
  progress: number
  title: string
  request: string
  generation_id: string | null
  credits_estimate: number
  credits_used: number | null
  asset_ids: string
  error: string | null
  resumes_at: string | null
  attempts: number
  created_at: string
  updated_at: string
  sent_at: string | null
  rerun_as: string | null
  post_started_at: string | null
  balance_before: string | null
  server_retries: number
  output_urls: string
  ad_copy: string | null
  action_id: string | null
  position: number
  source: string | null
  batch_id: string | null
}

const COLUMNS = [
  'mode', 'id', 'kind', 'status', 'progress', 'title', 'request', 'generation_id', 'credits_estimate', 'credits_used',
  'asset_ids', 'error', 'resumes_at', 'attempts', 'created_at', 'updated_at', 'sent_at', 'rerun_as', 'post_started_at',
  'balance_before', 'server_retries', 'output_urls', 'ad_copy', 'action_id',
  'position', 'source', 'batch_id'
] as const

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value))

function toRow(j: StoredJob): Row {
  return {
    mode: j.mode,
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    title: j.title,
    request: JSON.stringify(j.request),
    generation_id: j.generationId,
    credits_estimate: j.creditsEstimate,
    credits_used: j.creditsUsed,
    asset_ids: JSON.stringify(j.assetIds),
    error: json(j.error),
    resumes_at: j.resumesAt,
    attempts: j.attempts,
    created_at: j.createdAt,
    updated_at: j.updatedAt,
    sent_at: j.sentAt ?? null,
    rerun_as: j.rerunAs ?? null,
    post_started_at: j.postStartedAt,
    balance_before: json(j.balanceBefore),
    server_retries: j.serverRetries,
    output_urls: JSON.stringify(j.outputUrls),
    ad_copy: json(j.adCopy),
    action_id: j.actionId,
    position: j.position,
    source: json(j.source),
    batch_id: j.batchId ?? null
  }
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text))

export function fromJobRow(row: Row): StoredJob | null {
  let candidate: unknown
  try {
    candidate = {
      mode: row.mode,
      id: row.id,
      kind: row.kind,
      status: row.status,
      progress: row.progress,
      title: row.title,
      request: parse(row.request),
      generationId: row.generation_id,
      creditsEstimate: row.credits_estimate,
      creditsUsed: row.credits_used,
      assetIds: parse(row.asset_ids),
      error: parse(row.error),
      resumesAt: row.resumes_at,
      attempts: row.attempts,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      sentAt: row.sent_at,
      rerunAs: row.rerun_as,
      postStartedAt: row.post_started_at,
      balanceBefore: parse(row.balance_before),
      serverRetries: row.server_retries,
      outputUrls: parse(row.output_urls),
      adCopy: parse(row.ad_copy),
      actionId: row.action_id,
      position: row.position,
      source: parse(row.source),
      batchId: row.batch_id
    }
  } catch {
    return null
  }
  const checked = storedJobShape.safeParse(candidate)
  return checked.success ? (checked.data as StoredJob) : null
}

export function createJobsRepo(db: Db): JobsRepo {
  const names = COLUMNS.join(', ')
  const values = COLUMNS.map((c) => `@${c}`).join(', ')
  const upsert = db.prepare(`INSERT OR REPLACE INTO queue_jobs (${names}) VALUES (${values})`)
  const insertIfAbsent = db.prepare(`INSERT OR IGNORE INTO queue_jobs (${names}) VALUES (${values})`)
  const selectAll = db.prepare('SELECT * FROM queue_jobs WHERE mode = ? ORDER BY created_at, id')
  const selectOne = db.prepare('SELECT * FROM queue_jobs WHERE mode = ? AND id = ?')
  const exists = db.prepare('SELECT 1 FROM queue_jobs WHERE mode = ? AND id = ?').pluck()
  const countOf = db.prepare('SELECT count(*) FROM queue_jobs WHERE mode = ?').pluck()
  const del = db.prepare('DELETE FROM queue_jobs WHERE mode = ? AND id = ?')
  const finished = createFinishedJobsRepo(db)
  // The job's row and its "finished" record commit together (a savepoint inside a caller's transaction).
  const save = db.transaction((j: StoredJob, ifAbsent: boolean) => {
    ;(ifAbsent ? insertIfAbsent : upsert).run(toRow(j))
    finished.recordSync(j)
  })

  return {
    all(mode, onDamaged) {
      const jobs: StoredJob[] = []
      for (const row of selectAll.iterate(mode) as Iterable<Row>) {
        const j = fromJobRow(row)
        if (j) jobs.push(j)
        else onDamaged?.(row.id)
      }
      return jobs
    },
    get(mode, id) {
      const row = selectOne.get(mode, id) as Row | undefined
      return row ? fromJobRow(row) : null
    },
    saveSync(j, options) {
      save(j, options?.ifAbsent === true)
    },
    removeSync(j) {
      del.run(j.mode, j.id)
    },
    has: (mode, id) => exists.get(mode, id) === 1,
    count: (mode) => countOf.get(mode) as number,
    finished: (mode) => finished.latest(mode)
  }
}
