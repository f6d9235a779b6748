import { z } from 'zod'
import { empty, id, isoTime, mediaKind } from './common'
import { job } from './generation'

/** Why the whole queue waits. Out of credits is not one: it holds single jobs (credit-holds.ts). */
export const queueState = z.object({
  paused: z.boolean(),
  reason: z.enum(['user', 'offline', 'unauthorized', 'rate_limited']).nullable(),
  resumesAt: isoTime.nullable()
})
export type QueueState = z.infer<typeof queueState>

/** A job that finished, as the Queue's "usually takes" reads it (kept after the job is cleared). */
export const finishedJob = z.object({
  id,
  kind: mediaKind,
  sentAt: isoTime,
  finishedAt: isoTime,
  /** A video's length in seconds: its time grows with it. */
  videoSeconds: z.number().positive().nullable()
})
export type FinishedJob = z.infer<typeof finishedJob>

const byId = z.object({ jobId: id }).strict()

/**
 * A waiting job's new place among the jobs waiting to be sent: before another waiting job
 * (`before: null` = last) or at an index of that list (0 = next). Answers the jobs whose
 * place changed; a job already at Krev can't move (invalid_input, nothing changed).
 */
const moveInput = z.union([
  z.object({ jobId: id, before: id.nullable() }).strict(),
  z.object({ jobId: id, toIndex: z.number().int().min(0).max(100_000) }).strict()
])
const moved = z.object({ jobs: z.array(job) })

const balanceAt = z.object({ credits: z.number(), at: isoTime })

/**
 * "Check balance" on a job whose POST may have been charged: the balance known just before
 * it was sent, a fresh one now, and whether anything else could have moved it meanwhile.
 * `spent`: it went down (by `spent`); `unchanged`; `rose`: up (a top-up or refund);
 * `other_jobs`: another job ran since, the comparison can't tell; `no_before`: no earlier balance.
 */
export const unknownCheck = z.object({
  jobId: id,
  before: balanceAt.nullable(),
  after: balanceAt,
  otherJobsRan: z.boolean(),
  verdict: z.enum(['spent', 'unchanged', 'rose', 'other_jobs', 'no_before']),
  spent: z.number().nullable()
})
export type UnknownCheck = z.infer<typeof unknownCheck>

export const queueCommands = {
  /** `finished`: the latest finished jobs per kind, listed or cleared ("usually takes"). */
  'queue.list': { input: empty, output: z.object({ jobs: z.array(job), state: queueState, finished: z.array(finishedJob) }) },
  'queue.cancel': { input: byId, output: job },
  'queue.retry': { input: byId, output: job },
  /** Balance before and after a job whose outcome is unknown (a fresh GET /credits). */
  'queue.checkUnknown': { input: byId, output: unknownCheck },
  /** A NEW job with the same request (persisted before its POST); the old one stays as it is. */
  'queue.runAgain': { input: byId, output: job },
  'queue.remove': { input: byId, output: z.object({ removed: z.boolean() }) },
  'queue.clearFinished': { input: empty, output: z.object({ removed: z.number().int() }) },
  'queue.move': { input: moveInput, output: moved },
  /** Moves a waiting job to the front of the line. */
  'queue.runNext': { input: byId, output: moved },
  'queue.pause': { input: empty, output: queueState },
  'queue.resume': { input: empty, output: queueState }
} as const

export const queueEvents = {
  'queue.job': job,
  'queue.removed': z.object({ jobId: id }),
  'queue.state': queueState
} as const
