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

/** How many outputs one drag out of the app may carry (library.startDrag). */
export const MAX_DRAG_FILES = 100
