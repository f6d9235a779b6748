import type { Job } from '../../src-preload/contract'
import { adoptedJob, checkAdoptInput } from './adopt-generation'
import { needsPost, toJob, type QueueMode, type StoredJob } from './job-model'
import type { JobStore } from './job-store'
import { moveWaiting, nextPosition, type MoveTarget } from './queue-order'

/**
 * What the creator (and the chat agent) change in the queue besides a job's own life:
 * the run order of waiting jobs (queue-order.ts) and generations adopted from elsewhere
 * (adopt-generation.ts). Reorders are written in one transaction and published after.
 */

export interface SteeringDeps {
  ready(): Promise<void>
  jobs(): Map<string, StoredJob>
  mode(): QueueMode
  /** Jobs with a worker: one about to POST is no longer movable. */
  running(id: string): boolean
  store: JobStore
  transaction<T>(fn: () => T): T
  emitJob(job: Job): void
  pump(): void
  iso(): string
}

export interface Steering {
  /** Moves a waiting job; answers the jobs whose place changed. */
  move(jobId: string, target: MoveTarget): Promise<Job[]>
  /** Puts a waiting job first in line. */
  runNext(jobId: string): Promise<Job[]>
  /** A tracked job for a generation started elsewhere (checked input, see AdoptInput). */
  adopt(input: unknown): Promise<Job>
  /** The position a new job takes: after every other. */
  nextPosition(): number
}

export function createSteering(d: SteeringDeps): Steering {
  async function move(jobId: string, target: MoveTarget): Promise<Job[]> {
    await d.ready()
    const waiting = [...d.jobs().values()].filter((j) => needsPost(j) && !j.postStartedAt && !d.running(j.id))
    const changed = moveWaiting(waiting, jobId, target)
    if (changed.length === 0) return []
    const at = d.iso()
    d.transaction(() => {
      for (const j of changed) {
        j.updatedAt = at
        d.store.saveSync(j)
      }
    })
    const out = changed.map(toJob)
    for (const j of out) d.emitJob(j)
    d.pump()
    return out
  }

  return {
    move,
    runNext: (jobId) => move(jobId, { toIndex: 0 }),

    async adopt(raw) {
      const input = checkAdoptInput(raw)
      await d.ready()
      const mode = d.mode()
      const known = [...d.jobs().values()].find((j) => j.generationId === input.generationId)
      if (known) return toJob(known)
      const j = adoptedJob(input, mode, d.iso(), nextPosition(d.jobs().values()))
      // On disk before it is followed: a crash from here on still downloads it after restart.
      await d.store.save(j)
      if (d.mode() !== mode) return toJob(j)
      d.jobs().set(j.id, j)
      d.emitJob(toJob(j))
      queueMicrotask(d.pump)
      return toJob(j)
    },

    nextPosition: () => nextPosition(d.jobs().values())
  }
}
