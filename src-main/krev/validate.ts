import {
  AUDIO_MODES,
  AD_ASPECTS,
  CHAT_AGENTS,
  IMAGE_ASPECTS,
  IMAGE_COUNTS,
  MAX_BRAND_CONTEXT,
  MAX_PRODUCT_IDS,
  MAX_PROMPT,
  MAX_REFERENCE_IMAGES,
  VIDEO_MAX_SECONDS,
  VIDEO_MIN_SECONDS
} from '../../src-preload/contract/values'
import type { AdParams, ChatParams, ImageParams, VideoParams } from './types'
import { invalidInput } from './errors'
import { assertPublicHttpsUrl, type UrlGuardOptions } from './url-guard'

/**
 * Request validation, run before anything is sent: a request Krev would refuse (and
 * might charge a round-trip or a rate-limit slot for) is refused here with a message a
 * creator can act on. Inputs are checked at runtime even though they are typed: they
 * come from the renderer and from persisted jobs. Each validator returns the exact JSON
 * body to send, built from known fields only.
 */

const MAX_CONVERSION_BYTES = 64 * 1024

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Ids Krev hands out that are not documented as UUIDs (chat run ids): path-safe only. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/
const PRESET = /^[A-Za-z0-9_.:-]{1,100}$/

type Body = Record<string, unknown>
type Guard = Pick<UrlGuardOptions, 'resolveHost' | 'trustedOrigins'>

const shown = (v: unknown): string => {
  const s = typeof v === 'string' ? v : String(v)
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}

export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v)
}

export function assertUuid(v: unknown, what: string): string {
  if (!isUuid(v)) throw invalidInput(`${what} "${shown(v)}" is not a valid ID.`)
  return v
}

/** Absent (undefined, null or '') or a UUID. */
function optionalUuid(v: unknown, what: string): string | undefined {
  return v === undefined || v === null || v === '' ? undefined : assertUuid(v, what)
}

export function assertSafeId(v: unknown, what: string): string {
  if (typeof v !== 'string' || !SAFE_ID.test(v)) throw invalidInput(`${what} "${shown(v)}" is not a valid ID.`)
  return v
}

export function assertLimit(v: unknown): number | undefined {
  if (v === undefined) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 100) {
    throw invalidInput('The number of products to list must be a whole number from 1 to 100.')
  }
  return v
}

function text(v: unknown, what: string, max = MAX_PROMPT): string {
  if (typeof v !== 'string' || v.trim() === '') throw invalidInput(`${what} can't be empty.`)
  if (v.length > max) throw invalidInput(`${what} is too long (at most ${max.toLocaleString('en-US')} characters).`)
  return v
}

function optionalText(v: unknown, what: string, max: number): string | undefined {
  if (v === undefined || v === null || v === '') return undefined
  return text(v, what, max)
}

function optionalPreset(v: unknown, what: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined
  if (typeof v !== 'string' || !PRESET.test(v)) throw invalidInput(`${what} "${shown(v)}" is not a valid preset.`)
  return v
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], message: string): T | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw invalidInput(message)
  return v as T
}

const list = (items: readonly string[]): string => `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`

function imageCount(v: unknown, what: string): number | undefined {
  if (v === undefined || v === null) return undefined
  if (!(IMAGE_COUNTS as readonly unknown[]).includes(v)) throw invalidInput(`${what} must be ${list(IMAGE_COUNTS.map(String))}.`)
  return v as number
}

function optionalBoolean(v: unknown, what: string): boolean | undefined {
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'boolean') throw invalidInput(`${what} must be on or off.`)
  return v
}

function productIds(v: unknown, required: boolean): string[] | undefined {
  if ((v === undefined || v === null) && !required) return undefined
  if (!Array.isArray(v)) {
    if (required) throw invalidInput('Pick at least one product for an ad.')
    throw invalidInput('The product list is not valid.')
  }
  if (required && v.length === 0) throw invalidInput('Pick at least one product for an ad.')
  if (v.length > MAX_PRODUCT_IDS) throw invalidInput(`Pick at most ${MAX_PRODUCT_IDS} products.`)
  return v.map((id) => assertUuid(id, 'Product'))
}

async function referenceImages(v: unknown, guard: Guard): Promise<string[] | undefined> {
  if (v === undefined || v === null) return undefined
  if (!Array.isArray(v)) throw invalidInput('Reference images must be a list of links.')
  if (v.length > MAX_REFERENCE_IMAGES) throw invalidInput(`Use at most ${MAX_REFERENCE_IMAGES} reference images.`)
  const out: string[] = []
  for (const [i, url] of v.entries()) {
    await assertPublicHttpsUrl(url, { ...guard, label: `Reference image ${i + 1}` })
    out.push((url as string).trim())
  }
  return out
}

async function optionalUrl(v: unknown, label: string, guard: Guard): Promise<string | undefined> {
  if (v === undefined || v === null || v === '') return undefined
  await assertPublicHttpsUrl(v, { ...guard, label })
  return (v as string).trim()
}

/** Drops undefined members so the body carries only what was set. */
const compact = (b: Body): Body => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined))

function asObject(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalidInput(`The ${what} settings are missing.`)
  return v as Record<string, unknown>
}

export async function validateImageParams(params: ImageParams, guard: Guard): Promise<Body> {
  const p = asObject(params, 'image')
  return compact({
    prompt: text(p.prompt, 'The prompt'),
    aspect_ratio: oneOf(p.aspect_ratio, IMAGE_ASPECTS, `Aspect ratio must be ${list(IMAGE_ASPECTS)}.`),
    product_id: optionalUuid(p.product_id, 'Product'),
    product_ids: productIds(p.product_ids, false),
    preset_id: optionalPreset(p.preset_id, 'Style preset'),
    hd: optionalBoolean(p.hd, '4K (HD)'),
    image_count: imageCount(p.image_count, 'Number of images'),
    reference_images: await referenceImages(p.reference_images, guard)
  })
}

export async function validateVideoParams(params: VideoParams, guard: Guard): Promise<Body> {
  const p = asObject(params, 'video')
  const d = p.duration ?? undefined
  if (d !== undefined && (typeof d !== 'number' || !Number.isInteger(d) || d < VIDEO_MIN_SECONDS || d > VIDEO_MAX_SECONDS)) {
    throw invalidInput(`Duration must be a whole number of seconds from ${VIDEO_MIN_SECONDS} to ${VIDEO_MAX_SECONDS}.`)
  }
  return compact({
    prompt: text(p.prompt, 'The prompt'),
    aspect_ratio: oneOf(p.aspect_ratio, IMAGE_ASPECTS, `Aspect ratio must be ${list(IMAGE_ASPECTS)}.`),
    duration: d,
    audio_mode: oneOf(p.audio_mode, AUDIO_MODES, `Audio must be ${list(AUDIO_MODES)}.`),
    product_id: optionalUuid(p.product_id, 'Product'),
    source_image: await optionalUrl(p.source_image, 'The source image', guard),
    preset_id: optionalPreset(p.preset_id, 'Style preset')
  })
}

export async function validateAdParams(params: AdParams, guard: Guard): Promise<Body> {
  const p = asObject(params, 'ad')
  return compact({
    brief: text(p.brief, 'The ad brief'),
    product_ids: productIds(p.product_ids, true),
    aspect_ratio: oneOf(p.aspect_ratio, AD_ASPECTS, `Ad aspect ratio must be ${list(AD_ASPECTS)}.`),
    image_count: imageCount(p.image_count, 'Number of ad images'),
    style_id: optionalPreset(p.style_id, 'Ad style'),
    inspiration_image: await optionalUrl(p.inspiration_image, 'The inspiration image', guard),
    brand_context: optionalText(p.brand_context, 'Brand notes', MAX_BRAND_CONTEXT)
  })
}

export async function validateChatParams(params: ChatParams, guard: Guard): Promise<Body> {
  const p = asObject(params, 'chat')
  return compact({
    message: text(p.message, 'The message'),
    conversation_id: optionalUuid(p.conversation_id, 'Conversation'),
    product_ids: productIds(p.product_ids, false),
    reference_images: await referenceImages(p.reference_images, guard),
    agent: oneOf(p.agent, CHAT_AGENTS, `Agent must be ${list(CHAT_AGENTS)}.`)
  })
}

/** One Meta event per POST; the event itself is passed through as given. */
export function validateConversionEvent(event: Record<string, unknown>): Body {
  const e = asObject(event, 'conversion event')
  if (Array.isArray(e.data)) throw invalidInput('Send one conversion event at a time.')
  text(e.event_name, 'The event name', 100)
  const t = e.event_time
  if (t !== undefined && (typeof t !== 'number' || !Number.isInteger(t) || t <= 0 || t > 1e11)) {
    throw invalidInput('Event time must be a Unix timestamp in whole seconds.')
  }
  let size: number
  try {
    size = Buffer.byteLength(JSON.stringify(e))
  } catch {
    throw invalidInput('The conversion event contains data that cannot be sent.')
  }
  if (size > MAX_CONVERSION_BYTES) throw invalidInput('The conversion event is too large (at most 64 KB).')
  return e
}
