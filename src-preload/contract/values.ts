/**
 * Plain value lists of the contract, with no zod import: the renderer may import these
 * as values without bundling the schema library. The schemas build their enums from them.
 */

/** Meta Conversions API `action_source` values. */
export const ACTION_SOURCES = [
  'website',
  'app',
  'email',
  'phone_call',
  'chat',
  'physical_store',
  'system_generated',
  'business_messaging',
  'other'
] as const
export type ActionSource = (typeof ACTION_SOURCES)[number]

/**
 * Krev's published prices (credits), from the API reference: per standard image, per 4K
 * image, per second of video, per ad image. Krev's `credits_used` is the final word; these
 * are for estimates before anything is sent, in main and in the renderer alike.
 */
export const PRICES = { image: 40, imageHd: 80, videoPerSecond: 80, adImage: 40 } as const

/** Video durations the public API accepts, in whole seconds. */
export const VIDEO_MIN_SECONDS = 4
export const VIDEO_MAX_SECONDS = 15

/** Where the app talks to: the built-in sandbox or the real Krev API. Every per-mode store keys on this. */
export const CONNECTION_MODES = ['sandbox', 'krev'] as const
export type ConnectionMode = (typeof CONNECTION_MODES)[number]

/*
 * The Krev API's enums, as the API reference lists them. The contract's schemas, the Krev
 * client's wire schemas, the sandbox's validation and its OpenAPI document all build on these.
 */
export const IMAGE_ASPECTS = ['1:1', '16:9', '9:16', '4:3', '3:4'] as const
export type ImageAspect = (typeof IMAGE_ASPECTS)[number]
export const AD_ASPECTS = ['1:1', '4:5', '9:16'] as const
export type AdAspect = (typeof AD_ASPECTS)[number]
export const IMAGE_COUNTS = [1, 2, 4] as const
export type ImageCount = (typeof IMAGE_COUNTS)[number]
export const AUDIO_MODES = ['auto', 'off', 'native'] as const
export type AudioMode = (typeof AUDIO_MODES)[number]
export const CHAT_AGENTS = ['auto', 'asset', 'discover'] as const
export type ChatAgent = (typeof CHAT_AGENTS)[number]
/** The reference's request limits: prompt and brief length, products, reference images, brand notes. */
export const MAX_PROMPT = 4_000
export const MAX_PRODUCT_IDS = 10
export const MAX_REFERENCE_IMAGES = 8
export const MAX_BRAND_CONTEXT = 2_000
export const GENERATION_STATUSES = ['queued', 'processing', 'succeeded', 'failed'] as const
export type GenerationStatus = (typeof GENERATION_STATUSES)[number]

/** How many outputs one drag out of the app may carry (library.startDrag). */
export const MAX_DRAG_FILES = 100

/**
 * How many of a kind's latest finished jobs say what the kind usually takes: main keeps this
 * many per kind (so "Clear finished" does not forget them), the Queue takes their median.
 */
export const TYPICAL_SAMPLES = 20
