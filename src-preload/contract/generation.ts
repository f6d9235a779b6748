import { z } from 'zod'
import { AUDIO_MODES, MAX_PROMPT, VIDEO_MAX_SECONDS, VIDEO_MIN_SECONDS } from './values'
import { adAspect, count, id, imageAspect, imageCount, isoTime, mediaKind, nonEmptyText, text, url, uuid } from './common'
import { asset } from './library'

const productIds = z.array(id).max(10)
const referenceUrls = z.array(url).max(8)

export const imageRequest = z
  .object({
    prompt: nonEmptyText(MAX_PROMPT),
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
    prompt: nonEmptyText(MAX_PROMPT),
    aspectRatio: imageAspect.default('16:9'),
    duration: z.number().int().min(VIDEO_MIN_SECONDS).max(VIDEO_MAX_SECONDS).default(5),
    audioMode: z.enum(AUDIO_MODES).default('auto'),
    productId: id.optional(),
    sourceImage: url.optional(),
    presetId: text(100).optional()
  })
  .strict()

export const adRequest = z
  .object({
    brief: nonEmptyText(MAX_PROMPT),
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

/** Where a job came from when not the Create screen: the chat agent started it (queue.adopt in main). */
export const jobSource = z.object({ type: z.literal('chat'), conversationId: id, messageId: id.nullable() }).strict()
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
    .object({
      code: z.string(),
      message: z.string(),
      retryable: z.boolean(),
      refunded: z.boolean().optional(),
      /** Waiting for credits: what the job needs and the balance last known (queue/credit-holds.ts). */
      credits: z.object({ needed: count, balance: z.number() }).optional()
    })
    .nullable(),
  resumesAt: isoTime.nullable(),
  attempts: count,
  createdAt: isoTime,
  updatedAt: isoTime,
  /** When its create POST last left (kept after the answer): what an unknown outcome can still say. */
  sentAt: isoTime.nullable().optional(),
  /** The new job the creator started with "Run again" from this one. */
  rerunAs: id.nullable().optional(),
  /** Its place in the run order (lower runs first); only waiting jobs are reordered. */
  position: count.optional(),
  source: jobSource.nullable().optional(),
  /** The batch it was sent in (contract/batch.ts), if any. */
  batchId: id.nullable().optional()
})
export type Job = z.infer<typeof job>

export const generationCommands = {
  /**
   * Persists the job, then POSTs: a crash between the two never loses or doubles it. The
   * same `actionId` again (even after a restart) answers the job it made.
   */
  'generation.submit': { input: generationSubmit, output: job },
  /**
   * The Krev URL of a Library output, read fresh from its generation (signed URLs
   * expire): how an earlier result becomes a reference, source or inspiration image.
   */
  'generation.outputUrl': { input: z.object({ assetId: id }).strict(), output: z.object({ url: z.string() }) },
  /**
   * Which links of an old request are Library outputs (a Remix): matched by their path to
   * the outputs jobs kept, so they are refreshed like a picked output once expired.
   */
  'generation.findOutputs': {
    input: z.object({ urls: z.array(z.string().max(4096)).max(16) }).strict(),
    output: z.object({ matches: z.array(z.object({ url: z.string(), asset })) })
  }
} as const

export const generationEvents = {
  'generation.progress': z.object({ jobId: id, status: jobStatus, progress: z.number().min(0).max(100) })
} as const
