import { z } from 'zod'
import { empty, id, isoTime } from './common'
import { job } from './generation'

export const queueState = z.object({
  paused: z.boolean(),
  reason: z.enum(['user', 'offline', 'unauthorized', 'insufficient_credits', 'rate_limited']).nullable(),
  resumesAt: isoTime.nullable()
})
export type QueueState = z.infer<typeof queueState>

const byId = z.object({ jobId: id }).strict()

export const queueCommands = {
  'queue.list': { input: empty, output: z.object({ jobs: z.array(job), state: queueState }) },
  'queue.cancel': { input: byId, output: job },
  'queue.retry': { input: byId, output: job },
  'queue.remove': { input: byId, output: z.object({ removed: z.boolean() }) },
  'queue.clearFinished': { input: empty, output: z.object({ removed: z.number().int() }) },
  'queue.pause': { input: empty, output: queueState },
  'queue.resume': { input: empty, output: queueState }
} as const

export const queueEvents = {
  'queue.job': job,
  'queue.removed': z.object({ jobId: id }),
  'queue.state': queueState
} as const
