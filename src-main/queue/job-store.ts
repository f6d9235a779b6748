import type { FinishedJob } from '../../src-preload/contract'
import type { Db } from '../db/database'
import { createJobsRepo } from '../db/jobs-repo'
import { sharedStudioDatabase } from '../db/studio-database'
import type { QueueMode, StoredJob } from './job-model'
import { importLegacyQueue, legacyJobsDir } from './queue-import'
import { isJobId } from './stored-job-shape'

/**
 * The queue ledger, in the studio's database (`queue_jobs`, db/jobs-repo.ts). Each save is
 * one committed row write (synchronous=FULL: on disk when it returns), so a crash at any
 * point leaves each job as it was or as it became, and `save` resolves with the state
 * already durable — what "persisted before its POST" needs. Job files of before are
 * imported on the first load (queue-import.ts). Job ids are ours (UUIDs) and checked.
 */

export interface JobStore {
  /** The folder jobs were kept in before the database (imported, then renamed aside). */
  dir(mode: QueueMode): string
  /** Every readable job of a mode, oldest first. */
  load(mode: QueueMode): Promise<StoredJob[]>
  /** Resolves once this state (or a newer one) is on disk. */
  save(job: StoredJob): Promise<void>
  /** The same write, synchronous: usable inside a caller's `db.transaction(...)`. */
  saveSync(job: StoredJob): void
  remove(job: Pick<StoredJob, 'id' | 'mode'>): Promise<void>
  flush(): Promise<void>
  /** The latest finished jobs per kind, kept after "Clear finished" (what a kind usually takes). */
  finished(mode: QueueMode): FinishedJob[]
}

/** `onDamaged` names an unreadable job: its old file's path, or `queue_jobs:<mode>/<id>` for a row. */
export function createJobStore(dataDir: string, onDamaged: (where: string) => void = () => undefined, db: Db = sharedStudioDatabase(dataDir)): JobStore {
  const repo = createJobsRepo(db)
  const checked = <T extends Pick<StoredJob, 'id'>>(j: T): T => {
    if (!isJobId(j.id)) throw new Error('invalid job id')
    return j
  }
  const saveSync = (j: StoredJob) => repo.saveSync(checked(j))

  return {
    dir: (mode) => legacyJobsDir(dataDir, mode),

    async load(mode) {
      await importLegacyQueue(db, dataDir, onDamaged)
      return repo.all(mode, (id) => onDamaged(`queue_jobs:${mode}/${id}`))
    },

    // async: a bad id rejects like any failed write instead of throwing at the caller.
    save: async (j) => saveSync(j),
    saveSync,
    remove: async (j) => repo.removeSync(checked(j)),
    // Every write is committed when its call returns: nothing is ever pending.
    flush: async () => undefined,
    finished: (mode) => repo.finished(mode)
  }
}
