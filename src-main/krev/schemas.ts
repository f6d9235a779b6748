import { z } from 'zod'
import type {
  AdCopy,
  ChatConversation,
  ChatRunState,
  ChatStarted,
  ChatTranscriptMessage,
  ConversionResult,
  GenerationStarted,
  KrevCredits,
  KrevGeneration,
  KrevProduct
} from './types'
import { adCopy, generationStatus } from './wire'

/**
 * Response schemas, one per documented payload (the `data` of the envelope).
 * z.object strips unknown keys rather than failing, so new server fields never break
 * the app. What the app cannot work without (ids, statuses, balances) is required:
 * without it the answer is 'invalid_response'. Cosmetic fields get safe defaults.
 * Each schema's output type is checked against the interfaces in types.ts. Enums and the
 * ad copy are the wire schema's (`wire.ts`), read leniently.
 */

const str = z.string()
/** Optional and nullable on the wire, always `T | null` for the app. */
const orNull = <T extends z.ZodType>(s: T) =>
  s
    .nullable()
    .optional()
    .transform((v) => (v ?? null) as z.output<T> | null)
const urlList = z.array(str)

const clampProgress = (p: number | null | undefined, status: string): number => {
  if (typeof p !== 'number' || !Number.isFinite(p)) return status === 'succeeded' ? 100 : 0
  return Math.min(100, Math.max(0, p))
}

export const creditsSchema = z
  .object({
    plan: str,
    plan_name: str.nullable().optional(),
    credits: z.object({
      current: z.number(),
      limit: z.number(),
      current_formatted: str.optional(),
      limit_formatted: str.optional()
    }),
    storage: z
      .object({
        used_bytes: z.number(),
        limit_bytes: z.number(),
        used_formatted: str.optional(),
        limit_formatted: str.optional()
      })
      .optional(),
    resets_at: orNull(str)
  })
  .transform(
    (d): KrevCredits => ({
      plan: d.plan,
      plan_name: d.plan_name ?? d.plan,
      credits: {
        current: d.credits.current,
        limit: d.credits.limit,
        current_formatted: d.credits.current_formatted ?? d.credits.current.toLocaleString('en-US'),
        limit_formatted: d.credits.limit_formatted ?? d.credits.limit.toLocaleString('en-US')
      },
      storage: {
        used_bytes: d.storage?.used_bytes ?? 0,
        limit_bytes: d.storage?.limit_bytes ?? 0,
        used_formatted: d.storage?.used_formatted ?? '',
        limit_formatted: d.storage?.limit_formatted ?? ''
      },
      resets_at: d.resets_at
    })
  )

export const productSchema = z
  .object({
    id: str.min(1),
    name: orNull(str),
    image_url: orNull(str),
    segmented_image_url: orNull(str),
    category: orNull(str),
    metadata: orNull(z.record(str, z.unknown())),
    source: str.optional(),
    created_at: str
  })
  .transform(
    (d): KrevProduct => ({
      id: d.id,
      name: d.name ?? 'Untitled product',
      image_url: d.image_url,
      segmented_image_url: d.segmented_image_url,
      category: d.category,
      metadata: d.metadata ?? {},
      ...(d.source !== undefined ? { source: d.source } : {}),
      created_at: d.created_at
    })
  )

export const productListSchema = z.array(productSchema)

/** GET /products?id= answers with the product, or (some servers) a one-element list. */
export const productOrListSchema = z.union([productSchema, productListSchema])

const adCopySchema = adCopy
  .partial()
  .transform(
    (d): AdCopy => ({
      style_name: d.style_name ?? '',
      hook: d.hook ?? '',
      headline: d.headline ?? '',
      body_copy: d.body_copy ?? '',
      cta: d.cta ?? ''
    })
  )

/**
 * POST /images, /videos and /ads. Finished outputs may come as `images` (images, ads),
 * `video_url` (videos) or not at all (still running): all normalised into `urls`.
 */
export const generationStartedSchema = z
  .object({
    generation_id: str.min(1),
    images: urlList.nullable().optional(),
    video_url: str.nullable().optional(),
    output: z.object({ urls: urlList }).nullable().optional(),
    credits_used: z.number().nullable().optional(),
    image_count: z.number().optional(),
    duration: z.number().optional(),
    ad_copy: adCopySchema.nullable().optional()
  })
  .transform((d): GenerationStarted => {
    const urls = d.images ?? d.output?.urls ?? (d.video_url ? [d.video_url] : [])
    return {
      generation_id: d.generation_id,
      urls: urls.filter((u) => u.length > 0),
      credits_used: d.credits_used ?? null,
      ...(d.image_count !== undefined ? { image_count: d.image_count } : {}),
      ...(d.duration !== undefined ? { duration: d.duration } : {}),
      ...(d.ad_copy ? { ad_copy: d.ad_copy } : {})
    }
  })

export const generationStatusSchema = generationStatus

/** `error` is documented as a string; an `{message}` object is accepted too. */
const errorText = z
  .union([str, z.object({ message: str })])
  .nullable()
  .optional()
  .transform((e) => (e == null ? null : typeof e === 'string' ? e : e.message))

export const generationSchema = z
  .object({
    id: str.min(1),
    kind: str,
    // An unknown status fails validation: the app can't guess whether to keep polling.
    status: generationStatusSchema,
    progress: z.number().nullable().optional(),
    output: z.object({ urls: urlList }).nullable().optional(),
    error: errorText,
    created_at: str,
    completed_at: orNull(str)
  })
  .transform(
    (d): KrevGeneration => ({
      id: d.id,
      kind: d.kind,
      status: d.status,
      progress: clampProgress(d.progress, d.status),
      output: d.output ?? null,
      error: d.error,
      created_at: d.created_at,
      completed_at: d.completed_at
    })
  )

export const chatStartedSchema = z
  .object({
    conversation_id: str.min(1),
    user_message_id: str.optional(),
    assistant_message_id: str.optional(),
    run_id: str.min(1),
    job_id: str.optional(),
    status: str,
    poll_url: str.optional()
  })
  .transform(
    (d): ChatStarted => ({
      conversation_id: d.conversation_id,
      user_message_id: d.user_message_id ?? '',
      assistant_message_id: d.assistant_message_id ?? '',
      run_id: d.run_id,
      job_id: d.job_id ?? '',
      status: d.status,
      poll_url: d.poll_url ?? ''
    })
  )

export const transcriptMessageSchema = z
  .object({
    id: str,
    role: str,
    // Content may be structured (tool calls): kept as readable text.
    content: z.unknown(),
    created_at: str.optional()
  })
  .transform(
    (d): ChatTranscriptMessage => ({
      id: d.id,
      role: d.role,
      content: typeof d.content === 'string' ? d.content : d.content == null ? '' : JSON.stringify(d.content),
      created_at: d.created_at ?? ''
    })
  )

/** Embedded generation records are kept only when they validate: one odd record must not hide the run. */
const embeddedGenerations = z
  .array(z.unknown())
  .optional()
  .transform((list) =>
    (list ?? []).flatMap((g) => {
      const r = generationSchema.safeParse(g)
      return r.success ? [r.data] : []
    })
  )

export const chatRunSchema = z
  .object({
    run_id: str.min(1),
    conversation_id: str.min(1),
    status: str,
    job_status: str.nullable().optional(),
    assistant_text: orNull(str),
    messages: z.array(transcriptMessageSchema).optional(),
    artifacts: z.array(z.unknown()).optional(),
    generation_ids: urlList.optional(),
    generations: embeddedGenerations,
    media_urls: urlList.optional(),
    error: errorText
  })
  .transform(
    (d): ChatRunState => ({
      run_id: d.run_id,
      conversation_id: d.conversation_id,
      status: d.status,
      ...(d.job_status ? { job_status: d.job_status } : {}),
      assistant_text: d.assistant_text,
      messages: d.messages ?? [],
      artifacts: d.artifacts ?? [],
      generation_ids: d.generation_ids ?? [],
      generations: d.generations,
      media_urls: d.media_urls ?? [],
      error: d.error
    })
  )

export const conversationSchema = z
  .object({
    id: str.min(1),
    title: str.nullable().optional(),
    messages: z.array(transcriptMessageSchema).optional(),
    runs: z.array(z.object({ run_id: str, status: str })).optional(),
    created_at: str.optional(),
    updated_at: str.optional()
  })
  .transform(
    (d): ChatConversation => ({
      id: d.id,
      ...(d.title !== undefined ? { title: d.title } : {}),
      messages: d.messages ?? [],
      ...(d.runs ? { runs: d.runs } : {}),
      ...(d.created_at ? { created_at: d.created_at } : {}),
      ...(d.updated_at ? { updated_at: d.updated_at } : {})
    })
  )

/** POST /conversions/meta answers at the top level of the envelope (no `data`). */
export const conversionSchema = z
  .object({
    status: str,
    events_received: z.number().int().nonnegative()
  })
  .transform((d): ConversionResult => ({ status: d.status, events_received: d.events_received }))
