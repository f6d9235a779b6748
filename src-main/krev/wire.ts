import { z } from 'zod'
import {
  ACTION_SOURCES,
  AD_ASPECTS,
  AUDIO_MODES,
  CHAT_AGENTS,
  GENERATION_STATUSES,
  IMAGE_ASPECTS,
  IMAGE_COUNTS,
  MAX_BRAND_CONTEXT,
  MAX_PRODUCT_IDS,
  MAX_PROMPT,
  MAX_REFERENCE_IMAGES,
  VIDEO_MAX_SECONDS,
  VIDEO_MIN_SECONDS
} from '../../src-preload/contract/values'
import {
  CURRENCY_CODE,
  eventTimeProblem,
  isEventSourceUrl,
  MAX_EVENT_ID,
  MAX_EVENT_NAME,
  MAX_EVENT_SOURCE_URL
} from '../../src-preload/contract/conversion-rules'

/**
 * The Krev API's wire shapes, declared once: what a request body may carry and what each
 * documented 200 answer holds, with honest `required` lists and nullability (what the
 * sandbox always sends). The sandbox's OpenAPI document is generated from these
 * (`openapi.ts`), the sandbox's answers are typed by them, and the client's lenient
 * readers (`schemas.ts`) are built on them. Enums come from the contract's value lists.
 */

/** Every schema here that the OpenAPI document names as a component. */
export const wireRegistry = z.registry<{ id: string }>()
const named = <T extends z.ZodType>(id: string, schema: T): T => {
  wireRegistry.add(schema, { id })
  return schema
}

// Formats as documentation (no pattern): the sandbox checks ids and dates itself.
const str = z.string()
const uuid = z.string().meta({ format: 'uuid' })
const dateTime = z.string().meta({ format: 'date-time' })
const url = z.string().meta({ format: 'uri' })
const int = z.int()

export const MAX_CHAT_MESSAGE = 8_000

/** Image inputs: https, or a media URL this sandbox signed (its outputs can feed the next request). */
const imageInput = z.string().meta({
  format: 'uri',
  pattern: '^(https://|http://127\\.0\\.0\\.1:[0-9]+/storage/)',
  description: 'An https image URL, or a signed media URL from this sandbox (e.g. an earlier output).'
})
const imageCount = z.literal(IMAGE_COUNTS).default(1).meta({ type: 'integer' })

/** API key scopes, as the dashboard grants them. */
export const SCOPES = ['images', 'videos', 'products', 'credits', 'ads', 'conversions', 'chat'] as const
export const scope = named('Scope', z.enum(SCOPES))
export const wireError = named('Error', z.object({ success: z.literal(false), error: str }))

export const adCopy = named('AdCopy', z.object({ style_name: str, hook: str, headline: str, body_copy: str, cta: str }))
export type AdCopy = z.output<typeof adCopy>

export const imageGenerationStarted = named(
  'ImageGenerationStarted',
  z.object({
    generation_id: uuid,
    images: z.array(url).meta({ description: 'Empty while the generation runs; poll /generations/{id}.' }),
    image_count: int,
    credits_used: int
  })
)
export const videoGenerationStarted = named(
  'VideoGenerationStarted',
  z.object({
    generation_id: uuid,
    video_url: url.nullable().meta({ description: 'null while the generation runs.' }),
    duration: int.min(VIDEO_MIN_SECONDS).max(VIDEO_MAX_SECONDS),
    credits_used: int
  })
)
export const adGenerationStarted = named('AdGenerationStarted', imageGenerationStarted.extend({ ad_copy: adCopy }))

export const generationStatus = z.enum(GENERATION_STATUSES)
export const generation = named(
  'Generation',
  z.object({
    id: uuid,
    kind: z.enum(['image', 'video', 'ad']),
    status: generationStatus,
    progress: int.min(0).max(100),
    output: z.object({ urls: z.array(url) }).nullable().meta({ description: 'Signed URLs once succeeded, else null.' }),
    error: str.nullable(),
    created_at: dateTime,
    completed_at: dateTime.nullable(),
    notice: str.optional().meta({ description: 'Present when the output differs from the request (e.g. animated WebP instead of MP4).' }),
    ad_copy: adCopy.optional()
  })
)
export type WireGeneration = z.output<typeof generation>

export const productMetadata = named(
  'ProductMetadata',
  z.looseObject({
    brandName: str.nullable().optional(),
    productName: str.optional(),
    productType: str.optional(),
    colors: z.array(str).optional(),
    materials: z.array(str).optional()
  })
)
export const product = named(
  'Product',
  z.object({
    id: uuid,
    name: str,
    image_url: url.nullable(),
    segmented_image_url: url.nullable().optional(),
    category: str.nullable(),
    metadata: productMetadata,
    source: str.optional(),
    created_at: dateTime
  })
)
export const productUploaded = named(
  'ProductUploaded',
  product.extend({ segmented_image_url: url.nullable(), source: str })
)

const amount = z.object({ current: int, limit: int, current_formatted: str, limit_formatted: str })
const storage = z.object({ used_bytes: int, limit_bytes: int, used_formatted: str, limit_formatted: str })
export const credits = named('Credits', z.object({ plan: str, plan_name: str, credits: amount, storage, resets_at: dateTime }))

export const chatStarted = named(
  'ChatStarted',
  z.object({
    conversation_id: uuid,
    user_message_id: uuid,
    assistant_message_id: uuid,
    run_id: uuid,
    job_id: uuid,
    status: z.enum(['queued']),
    poll_url: url
  })
)
export const chatMessage = named(
  'ChatMessage',
  z.object({ id: uuid, role: z.enum(['user', 'assistant', 'tool']), content: str, created_at: dateTime })
)
export const chatRun = named(
  'ChatRun',
  z.object({
    run_id: uuid,
    conversation_id: uuid,
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    job_status: z.enum(['waiting', 'active', 'completed', 'failed']),
    assistant_text: str.nullable(),
    messages: z.array(chatMessage),
    artifacts: z.array(z.looseObject({})),
    generation_ids: z.array(uuid),
    generations: z.array(generation),
    media_urls: z.array(url),
    error: str.nullable(),
    created_at: dateTime.optional(),
    updated_at: dateTime.optional()
  })
)
export const chatConversation = named(
  'ChatConversation',
  z.object({
    id: uuid,
    title: str.nullable(),
    messages: z.array(chatMessage),
    runs: z.array(z.object({ run_id: uuid, status: str })),
    created_at: dateTime,
    updated_at: dateTime
  })
)
export const conversionSent = named(
  'ConversionSent',
  z.object({ success: z.literal(true), status: z.literal('sent'), events_received: int })
)
export const apiKeyCreated = named(
  'ApiKeyCreated',
  z.object({
    id: uuid,
    name: str,
    key: str.meta({ pattern: '^sk_live_[A-Za-z0-9]{32}$', description: 'Shown only once.' }),
    key_prefix: str.meta({ description: 'sk_live_ and the first 4 characters, for display.' }),
    key_last4: str.length(4),
    scopes: z.array(scope),
    created_at: dateTime
  })
)
export const apiKeyRevoked = named('ApiKeyRevoked', z.object({ id: uuid, revoked: z.literal(true) }))

// Requests: what the reference documents each endpoint to accept, defaults included. The
// client and the sandbox both validate with these (refinements are checks only, not documented).
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const requestId = z.string().refine((v) => UUID_RE.test(v)).meta({ format: 'uuid' })
/** Required text: a blank one counts as missing. */
const text = (max: number) => z.string().min(1).max(max).refine((v) => v.trim() !== '', { abort: true })
const prompt = text(MAX_PROMPT)
const presetId = str.max(64)
export const imageRequest = named(
  'ImageRequest',
  z.object({
    prompt,
    aspect_ratio: z.enum(IMAGE_ASPECTS).default('1:1'),
    product_id: requestId.optional(),
    product_ids: z.array(requestId).max(MAX_PRODUCT_IDS).optional(),
    preset_id: presetId.optional().meta({ examples: ['flat_lay', 'lifestyle', 'studio'] }),
    hd: z.boolean().default(false).meta({ description: '4K upscaling; costs 2x credits.' }),
    image_count: imageCount,
    reference_images: z.array(imageInput).max(MAX_REFERENCE_IMAGES).optional()
  })
)
export const videoRequest = named(
  'VideoRequest',
  z.object({
    prompt,
    aspect_ratio: z.enum(IMAGE_ASPECTS).default('16:9'),
    duration: int.min(VIDEO_MIN_SECONDS).max(VIDEO_MAX_SECONDS).default(5),
    audio_mode: z.enum(AUDIO_MODES).default('auto'),
    product_id: requestId.optional(),
    source_image: imageInput.optional(),
    preset_id: presetId.optional()
  })
)
export const adRequest = named(
  'AdRequest',
  z.object({
    brief: prompt,
    product_ids: z.array(requestId).min(1).max(MAX_PRODUCT_IDS),
    aspect_ratio: z.enum(AD_ASPECTS).default('4:5'),
    image_count: imageCount,
    style_id: presetId.optional(),
    inspiration_image: imageInput.optional(),
    brand_context: str.max(MAX_BRAND_CONTEXT).optional()
  })
)
/** The product form's own fields, the same in either encoding (JSON or multipart). */
export const MAX_PRODUCT_NAME = 200
const productName = str.max(MAX_PRODUCT_NAME).meta({ description: 'Optional; Krev names the product from the photo when absent.' })
export const productCreateJson = named(
  'ProductCreateJson',
  z.object({
    image_url: text(30 * 1024 * 1024).meta({
      description: 'https URL of the image, a data:image/…;base64 URL (up to 20 MB decoded), or a signed media URL from this sandbox. JPG, PNG or WebP.'
    }),
    name: productName.optional(),
    skip_segmentation: z.boolean().default(false)
  })
)
/** Form fields are text: the flag is "true" or "false" and means what the JSON boolean means. */
const formFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true')
export const productCreateMultipart = named(
  'ProductCreateMultipart',
  z.object({
    file: str.meta({ contentMediaType: 'application/octet-stream', description: 'JPG, PNG or WebP, at most 20 MB.' }),
    name: productName.optional(),
    skip_segmentation: formFlag
  })
)
/** The multipart form without its file part (bytes, checked by sniffing, not by a schema). */
export const productFormFields = productCreateMultipart.omit({ file: true })
export const chatRequest = named(
  'ChatRequest',
  z.object({
    message: text(MAX_CHAT_MESSAGE),
    conversation_id: requestId.optional(),
    product_ids: z.array(requestId).max(MAX_PRODUCT_IDS).optional(),
    reference_images: z.array(imageInput).max(MAX_REFERENCE_IMAGES).optional(),
    agent: z.enum(CHAT_AGENTS).default('auto')
  })
)
/** Checks the schema adds to a field, named by `rule` so each side words the refusal its own way. */
export type WireRule = 'too_old' | 'future' | 'not_http' | 'empty'
const rule = (name: WireRule) => ({ params: { rule: name }, abort: true })
export const ruleOf = (issue: z.core.$ZodIssue): WireRule | undefined =>
  issue.code === 'custom' ? (issue.params as { rule?: WireRule } | undefined)?.rule : undefined

export const conversionEvent = named(
  'ConversionEvent',
  z.object({
    event_name: text(MAX_EVENT_NAME).meta({ examples: ['Purchase', 'Lead', 'AddToCart'] }),
    event_time: int
      .min(0)
      .refine((t) => eventTimeProblem(t) !== 'future', rule('future'))
      .refine((t) => eventTimeProblem(t) !== 'too_old', rule('too_old'))
      .meta({ description: 'Unix seconds; at most 7 days old and not in the future.' }),
    event_id: str.max(MAX_EVENT_ID).optional(),
    action_source: z.enum(ACTION_SOURCES),
    event_source_url: z.string().max(MAX_EVENT_SOURCE_URL).refine(isEventSourceUrl, rule('not_http')).meta({ format: 'uri' }).optional(),
    user_data: z
      .looseObject({})
      .refine((o) => Object.keys(o).length > 0, rule('empty'))
      .meta({ minProperties: 1, description: 'At least one customer detail: email, phone, external_id…' }),
    custom_data: z.looseObject({ value: z.number().optional(), currency: str.regex(CURRENCY_CODE).optional() }).optional()
  })
)
/** The scopes a new key is granted: at least one (the dashboard's default is all of them). */
export const keyScopes = z.array(scope).min(1)
export const keyCreate = named('KeyCreate', z.object({ name: text(100), scopes: keyScopes.optional() }))
