import { z } from 'zod'
import { connectionMode, job as jobShape, jobSource } from '../../src-preload/contract'

/**
 * What a stored job must look like to be picked up again: the contract's Job plus the
 * queue's own fields. Checked on every read, from the database or a job file of before,
 * so a damaged one is skipped rather than run half-understood.
 */

const adCopyShape = z.object({ style_name: z.string(), hook: z.string(), headline: z.string(), body_copy: z.string(), cta: z.string() })

export const storedJobShape = jobShape.extend({
  mode: connectionMode,
  postStartedAt: z.string().nullable(),
  // Added later: files written before have neither, and load as "not known".
  sentAt: z.string().nullable().default(null),
  balanceBefore: z.object({ credits: z.number(), at: z.string() }).nullable().default(null),
  serverRetries: z.number().int().nonnegative(),
  outputUrls: z.array(z.string()),
  adCopy: adCopyShape.nullable(),
  actionId: z.string().nullable().default(null),
  // Files and rows of before have neither: numbered at load (queue-order.ts), from Create.
  position: z.number().int().nonnegative().default(0),
  source: jobSource.nullable().default(null),
  batchId: z.string().nullable().default(null)
})

/** Job ids are ours (UUIDs); checked before one names a file or a row. */
export const isJobId = (id: string): boolean => /^[a-z0-9][a-z0-9-]{0,63}$/.test(id)
