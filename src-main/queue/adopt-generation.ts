import type { GenerationRequest, Job, JobSource } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import { toJob, type QueueMode, type StoredJob } from './job-model'
import { newJob } from './job-transitions'

/**
 * `queue.adopt`: a generation Krev started somewhere else (a chat run) becomes a tracked
 * job of the queue. Its generation id is already known, so the job starts at 'submitted':
 * it is never POSTed (nothing is charged again); the workers poll and download it like any
 * other job, and a restart picks it up the same way. Adopting the same generation again
 * answers the job it already has, so a caller may adopt on every poll and after restarts.
 */

export interface AdoptInput {
  generationId: string
  /** What Krev was asked for, as well as the caller knows it (prompt, count…). */
  request: GenerationRequest
  source: JobSource
  /** What Krev charged for it, when the caller was told; null: the estimate stands. */
  creditsUsed?: number | null
  /** The mode the generation belongs to: a sandbox generation means nothing to Krev. */
  mode: QueueMode
}

export interface AdoptContext {
  ensureLoaded(): Promise<void>
  mode(): QueueMode
  jobs(): ReadonlyMap<string, StoredJob>
  add(job: StoredJob): void
  save(job: StoredJob): Promise<void>
  emitJob(job: Job): void
  /** Lets the workers take the new job. */
  pump(): void
  iso(): string
}

const MAX_GENERATION_ID = 128

export function createAdopt(ctx: AdoptContext): (input: AdoptInput) => Promise<Job> {
  // One adoption per generation at a time: two polls racing never make two jobs.
  const inFlight = new Map<string, Promise<Job>>()

  async function adopt(input: AdoptInput): Promise<Job> {
    await ctx.ensureLoaded()
    if (input.mode !== ctx.mode()) {
      throw new AppError('invalid_input', 'That generation belongs to the other connection mode.', { retryable: false })
    }
    const known = [...ctx.jobs().values()].find((j) => j.generationId === input.generationId)
    if (known) return toJob(known)
    const j: StoredJob = newJob(input.request, input.mode, ctx.iso(), false)
    j.status = 'submitted'
    j.generationId = input.generationId
    j.creditsUsed = input.creditsUsed ?? null
    j.source = input.source
    // On disk before it is followed: a crash from here on resumes polling it.
    await ctx.save(j)
    ctx.add(j)
    ctx.emitJob(toJob(j))
    ctx.pump()
    return toJob(j)
  }

  return (input) => {
    const id = input.generationId
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_GENERATION_ID) {
      return Promise.reject(new AppError('invalid_input', 'A generation id is needed to follow a generation.', { retryable: false }))
    }
    const pending = inFlight.get(id)
    if (pending) return pending
    const p = adopt(input).finally(() => inFlight.delete(id))
    inFlight.set(id, p)
    return p
  }
}
