import type { z } from 'zod'
import type { AdParams, ChatParams, ImageParams, VideoParams } from './types'
import { invalidInput } from './errors'
import { fieldMessage, shown, type FieldWords } from './request-words'
import { assertPublicHttpsUrl, type UrlGuardOptions } from './url-guard'
import { adRequest, chatRequest, imageRequest, videoRequest } from './wire'

/**
 * Request validation, run before anything is sent: a request Krev would refuse (and
 * might charge a round-trip or a rate-limit slot for) is refused here with a message a
 * creator can act on. The rules are the wire schema's (`wire.ts`, the one the sandbox and
 * the OpenAPI document use); links are then checked to be public https (DNS included).
 * Inputs are checked at runtime even though they are typed: they come from the renderer
 * and from persisted jobs. Each validator returns the exact JSON body to send: the known
 * fields that were set, without the schema's defaults filled in.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Ids Krev hands out that are not documented as UUIDs (chat run ids): path-safe only. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/

type Body = Record<string, unknown>
type Guard = Pick<UrlGuardOptions, 'resolveHost' | 'trustedOrigins'>

export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v)
}

export function assertUuid(v: unknown, what: string): string {
  if (!isUuid(v)) throw invalidInput(`${what} "${shown(v)}" is not a valid ID.`)
  return v
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

function asObject(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalidInput(`The ${what} settings are missing.`)
  return v as Record<string, unknown>
}

/**
 * The body to send for `params`: unset members (undefined, null, and '' where a field is
 * free text, an id or a link) are left out, the rest must satisfy `schema`, links must be
 * public https. The first problem is refused in the words of `fields`.
 */
async function requestBody(
  schema: z.ZodObject,
  fields: Record<string, FieldWords>,
  params: unknown,
  what: string,
  guard: Guard
): Promise<Body> {
  const p = asObject(params, what)
  const body: Body = {}
  for (const [key, words] of Object.entries(fields)) {
    const v = p[key]
    const blankable = words.kind !== 'choice' && words.kind !== 'flag' && words.kind !== 'duration'
    if (v === undefined || v === null || (blankable && v === '')) continue
    body[key] = v
  }
  const result = schema.safeParse(body)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const key = String(issue.path[0])
    throw invalidInput(fieldMessage(fields[key]!, issue, body[key]))
  }
  for (const [key, words] of Object.entries(fields)) {
    const v = body[key]
    if (words.kind === 'url' && typeof v === 'string') {
      await assertPublicHttpsUrl(v, { ...guard, label: words.label })
      body[key] = v.trim()
    }
    if (words.kind === 'urls' && Array.isArray(v)) {
      for (const [i, url] of v.entries()) await assertPublicHttpsUrl(url, { ...guard, label: `Reference image ${i + 1}` })
      body[key] = v.map((url: string) => url.trim())
    }
  }
  return body
}

// The words for each request's fields, in the schema's order (the first problem is named).
const words = (kind: FieldWords['kind'], label: string): FieldWords => ({ kind, label })
const prompt = words('text', 'The prompt')
const aspect = words('choice', 'Aspect ratio')
const product = words('id', 'Product')
const products = words('ids', 'Products')
const preset = words('preset', 'Style preset')
const references = words('urls', 'reference images')

const imageFields = {
  prompt, aspect_ratio: aspect, product_id: product, product_ids: products, preset_id: preset,
  hd: words('flag', '4K (HD)'), image_count: words('choice', 'Number of images'), reference_images: references
}
const videoFields = {
  prompt, aspect_ratio: aspect, duration: words('duration', 'Duration'), audio_mode: words('choice', 'Audio'),
  product_id: product, source_image: words('url', 'The source image'), preset_id: preset
}
const adFields = {
  brief: words('text', 'The ad brief'), product_ids: words('adIds', 'Products'),
  aspect_ratio: words('choice', 'Ad aspect ratio'), image_count: words('choice', 'Number of ad images'),
  style_id: words('preset', 'Ad style'), inspiration_image: words('url', 'The inspiration image'),
  brand_context: words('text', 'Brand notes')
}
const chatFields = {
  message: words('text', 'The message'), conversation_id: words('id', 'Conversation'), product_ids: products,
  reference_images: references, agent: words('choice', 'Agent')
}

export const validateImageParams = (params: ImageParams, guard: Guard): Promise<Body> =>
  requestBody(imageRequest, imageFields, params, 'image', guard)
export const validateVideoParams = (params: VideoParams, guard: Guard): Promise<Body> =>
  requestBody(videoRequest, videoFields, params, 'video', guard)
export const validateAdParams = (params: AdParams, guard: Guard): Promise<Body> =>
  requestBody(adRequest, adFields, params, 'ad', guard)
export const validateChatParams = (params: ChatParams, guard: Guard): Promise<Body> =>
  requestBody(chatRequest, chatFields, params, 'chat', guard)
