import type { StagedAsset } from '../library/stage-asset'
import { applyFailure, type FailureDeps } from './apply-failure'
import { runJob, StageError } from './job-runner'
import { isPolling, needsPost, type StoredJob } from './job-model'
import type { PollCadence } from './poll-cadence'
import type { QueueServiceDeps } from './queue-types'
import type { Semaphore } from './semaphore'

/**
 * Starts one job's worker: builds what the runner needs from the queue, runs it, and
 * turns whatever it throws into the job's failure (apply-failure.ts). The queue keeps the
 * decisions (which job, when: queue-service.ts `pump`); this file keeps the plumbing.
 */

export interface RunningJob {
  ctrl: AbortController
  /** Holds one of the `pollConcurrency` slots until its polling is over. */
  slot: boolean
  done: Promise<void>
}

export interface LauncherDeps {
  deps: QueueServiceDeps
  running: Map<string, RunningJob>
  /** The queue's lifetime signal, renewed on a mode switch. */
  life(): AbortSignal
  disposed(): boolean
  current(job: StoredJob): boolean
  commit(job: StoredJob): Promise<void>
  complete(job: StoredJob, staged: StagedAsset[]): void
  pump(): void
  cadence: PollCadence
  downloads: Semaphore
  failureDeps: FailureDeps
  iso(): string
}

export function createLauncher(l: LauncherDeps): (job: StoredJob) => void {
  const { deps, running } = l
  return function launch(j: StoredJob): void {
    const ctrl = new AbortController()
    const life = l.life()
    const onLife = () => ctrl.abort()
    life.addEventListener('abort', onLife, { once: true })
    const entry: RunningJob = { ctrl, slot: j.status !== 'downloading', done: Promise.resolve() }
    running.set(j.id, entry)
    entry.done = (async () => {
      try {
        const client = await deps.connection.client()
        await runJob(j, {
          client,
          signal: ctrl.signal,
          sleep: deps.sleep,
          timing: deps.timing,
          cadence: l.cadence,
          limiter: deps.limiter,
          downloads: l.downloads,
          library: deps.library,
          stagingDir: deps.stagingDir(j.mode),
          now: l.iso,
          commit: l.commit,
          complete: l.complete,
          charged: () => deps.onCreditsMaybeChanged(),
          cachedBalance: () => deps.balance.cached(),
          progress: (job) => deps.emitProgress({ jobId: job.id, status: job.status, progress: job.progress }),
          releaseSlot: () => {
            if (entry.slot) {
              entry.slot = false
              queueMicrotask(l.pump)
            }
          },
          stillWanted: (job) => l.current(job) && job.status !== 'cancelled' && !ctrl.signal.aborted
        })
        if (j.status === 'succeeded') {
          l.failureDeps.downloadStalls.delete(j.id)
          deps.connection.reportOnline(true)
        }
      } catch (e) {
        // Outside a step (no client: no key in Krev mode): the step it was about to take.
        const stage = e instanceof StageError ? e.stage : needsPost(j) ? 'post' : isPolling(j) ? 'poll' : 'download'
        const cause = e instanceof StageError ? e.failure : e
        await applyFailure(j, stage, cause, ctrl.signal.aborted, l.failureDeps)
      } finally {
        life.removeEventListener('abort', onLife)
        running.delete(j.id)
        if (!l.disposed()) queueMicrotask(l.pump)
      }
    })()
  }
}
