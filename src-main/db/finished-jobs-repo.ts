import { TYPICAL_SAMPLES, type FinishedJob } from '../../src-preload/contract'
import type { QueueMode, StoredJob } from '../queue/job-model'
import type { Db } from './database'

/**
 * The `finished_jobs` table: the latest TYPICAL_SAMPLES finished jobs of each kind and mode,
 * what the Queue's "usually takes" is the median of. A job is recorded the first time it is
 * saved as succeeded (a later save of it changes nothing) and outlives its queue row.
 */

export interface FinishedJobsRepo {
  /** Records `job` if it has just succeeded; keeps only the latest of its kind. */
  recordSync(job: StoredJob): void
  /** The kept ones of a mode, newest first. */
  latest(mode: QueueMode): FinishedJob[]
}

interface Row {
  job_id: string
  kind: FinishedJob['kind']
  sent_at: string
  finished_at: string
  video_seconds: number | null
}

export function createFinishedJobsRepo(db: Db): FinishedJobsRepo {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO finished_jobs (mode, job_id, kind, sent_at, finished_at, video_seconds) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const prune = db.prepare(`
    DELETE FROM finished_jobs WHERE mode = @mode AND kind = @kind AND job_id NOT IN (
      SELECT job_id FROM finished_jobs WHERE mode = @mode AND kind = @kind ORDER BY finished_at DESC LIMIT @keep
    )`)
  const select = db.prepare(
    'SELECT job_id, kind, sent_at, finished_at, video_seconds FROM finished_jobs WHERE mode = ? ORDER BY finished_at DESC'
  )
  return {
    recordSync(j) {
      if (j.status !== 'succeeded' || !j.sentAt) return
      const seconds = j.request.kind === 'video' ? j.request.params.duration : null
      if (insert.run(j.mode, j.id, j.kind, j.sentAt, j.updatedAt, seconds).changes === 0) return
      prune.run({ mode: j.mode, kind: j.kind, keep: TYPICAL_SAMPLES })
    },
    latest(mode) {
      return (select.all(mode) as Row[]).map((r) => ({
        id: r.job_id,
        kind: r.kind,
        sentAt: r.sent_at,
        finishedAt: r.finished_at,
        videoSeconds: r.video_seconds
      }))
    }
  }
}
