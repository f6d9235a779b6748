import { z } from 'zod'
import { count, id, isoTime, nonEmptyText, text, uuid } from './common'
import { MAX_BATCH_JOBS } from './batch-limits'
import { generationRequest, job } from './generation'

export { MAX_BATCH_JOBS }

/**
 * A batch: several jobs sent by one user action (one prompt × several products, or a list
 * of prompts). Main persists every job of the batch in one transaction before any POST;
 * each job then goes through the queue on its own (the session spending cap holds any job
 * that would cross it). The same `actionId` again answers the batch it made.
 */

export const batchInfo = z.object({
  id,
  name: z.string(),
  createdAt: isoTime,
  /** How many jobs the batch was made with (jobs removed from the queue later still count). */
  jobCount: count,
  /** The whole batch's estimate when it was sent. */
  creditsEstimate: count
})
export type BatchInfo = z.infer<typeof batchInfo>

export const batchSubmit = z
  .object({
    name: nonEmptyText(200),
    requests: z.array(generationRequest).min(1, 'A batch needs at least one job').max(MAX_BATCH_JOBS),
    /** Per request, what tells its job apart in the Queue (the product's name); prefixed to the title. */
    labels: z.array(text(80)).max(MAX_BATCH_JOBS).optional(),
    actionId: uuid.optional()
  })
  .strict()

export const batchCommands = {
  /** Validates every request, then persists the batch and all its jobs at once: all or nothing. */
  'generation.submitBatch': { input: batchSubmit, output: z.object({ batch: batchInfo, jobs: z.array(job) }) },
  /** The current mode's batches, newest first. */
  'batch.list': { input: z.object({}).strict(), output: z.object({ batches: z.array(batchInfo) }) },
  /** Cancels the batch's jobs not yet sent to Krev; the ones Krev has started carry on. */
  'batch.cancelRest': { input: z.object({ batchId: id }).strict(), output: z.object({ cancelled: count }) }
} as const
