import { z } from 'zod'
import { VIDEO_MAX_SECONDS, VIDEO_MIN_SECONDS } from './values'
import { adAspect, count, id, imageAspect, imageCount, isoTime, mediaKind, nonEmptyText, text, url, uuid } from './common'

const productIds = z.array(id).max(10)
const referenceUrls = z.array(url).max(8)

export const imageRequest = z
  .object({
    prompt: nonEmptyText(4000),
    aspectRatio: imageAspect.default('1:1'),
    productIds: productIds.optional(),
    presetId: text(100).optional(),
    hd: z.boolean().default(false),
    imageCount: imageCount.default(1),
    referenceImages: referenceUrls.optional()
  })
  .strict()

export const videoRequest = z
  .object({
    prompt: nonEmptyText(4000),
    aspectRatio: imageAspect.default('16:9'),
    duration: z.number().int().min(VIDEO_MIN_SECONDS).max(VIDEO_MAX_SECONDS).default(5),
    audioMode: z.enum(['auto', 'off', 'native']).default('auto'),
    productId: id.optional(),
    sourceImage: url.optional(),
    presetId: text(100).optional()
  })
  .strict()

export const adRequest = z
  .object({
    brief: nonEmptyText(4000),
    productIds: z.array(id).min(1, 'Pick at least one product for an ad').max(10),
    aspectRatio: adAspect.default('4:5'),
    imageCount: imageCount.default(1),
    styleId: text(100).optional(),
    inspirationImage: url.optional(),
    brandContext: text(2000).optional()
  })
  .strict()

const imageGeneration = z.object({ kind: z.literal('image'), params: imageRequest }).strict()
const videoGeneration = z.object({ kind: z.literal('video'), params: videoRequest }).strict()
const adGeneration = z.object({ kind: z.literal('ad'), params: adRequest }).strict()

export const generationRequest = z.discriminatedUnion('kind', [imageGeneration, videoGeneration, adGeneration])
export type GenerationRequest = z.infer<typeof generationRequest>

/**
 * One per user action (a Generate press, a keyboard chord): a repeat of the same action
 * sends the same id and is answered the job it already made, never a second one.
 */
const actionId = { actionId: uuid.optional() }
export const generationSubmit = z.discriminatedUnion('kind', [
  imageGeneration.extend(actionId),
  videoGeneration.extend(actionId),
  adGeneration.extend(actionId)
])

export const jobStatus = z.enum([
  'pending', // persisted, POST not yet answered
  'submitted', // Krev accepted it; generation id known
  'processing',
  'downloading',
  'paused', // waiting on credits, a key, the network or a rate limit
  'succeeded',
  'failed',
  'cancelled'
])
export type JobStatus = z.infer<typeof jobStatus>

export const jobSource = z.object({ type: z.literal('chat'), conversationId: id, messageId: id }).strict()
export type JobSource = z.infer<typeof jobSource>

export const job = z.object({
  id,
  kind: mediaKind,
  status: jobStatus,
  progress: z.number().min(0).max(100),
  title: z.string(),
  request: generationRequest,
  generationId: z.string().nullable(),
  creditsEstimate: count,
  creditsUsed: count.nullable(),
  assetIds: z.array(id),
  error: z
    .object({ code: z.string(), message: z.string(), retryable: z.boolean(), refunded: z.boolean().optional() })
    .nullable(),
  resumesAt: isoTime.nullable(),
  attempts: count,
  createdAt: isoTime,
  updatedAt: isoTime,
  /** When its create POST last left (kept after the answer): what an unknown outcome can still say. */
  sentAt: isoTime.nullable().optional(),
  /** The new job the creator started with "Run again" from this one. */
  rerunAs: id.nullable().optional(),
  /** Where a job Krev started elsewhere came from (queue.adopt): a chat run's message. */
  source: jobSource.nullable().optional()
})
export type Job = z.infer<typeof job>

export const generationCommands = {
  'generation.estimate': { input: generationRequest, output: z.object({ credits: count }) },
  /**
   * Persists the job, then POSTs: a crash between the two never loses or doubles it. The
   * same `actionId` again (even after a restart) answers the job it made.
   */
  'generation.submit': { input: generationSubmit, output: job }
} as const

export const generationEvents = {
  'generation.progress': z.object({ jobId: id, status: jobStatus, progress: z.number().min(0).max(100) })
} as const
