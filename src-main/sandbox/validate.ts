import { HttpError } from './http'
import { isUuid } from './util'

/**
 * Field validators mirroring the reference's rules and wording ("prompt is required",
 * "aspect_ratio must be one of …"). Each returns the normalised value or throws a 400.
 */

type Body = Record<string, unknown>
const bad = (message: string): HttpError => new HttpError(400, message)
const quoted = (values: readonly (string | number)[]): string =>
  values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ')

// The reference's enums, the same lists the wire schema and the OpenAPI document use.
export { AD_ASPECTS, AUDIO_MODES, CHAT_AGENTS, IMAGE_ASPECTS, IMAGE_COUNTS } from '../../src-preload/contract/values'

export function requiredText(body: Body, field: string, max = 4000): string {
  const value = body[field]
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw bad(`${field} is required`)
  }
  if (typeof value !== 'string') throw bad(`${field} must be a string`)
  if (value.length > max) throw bad(`${field} must be at most ${max} characters`)
  return value.trim()
}

// Optional typed fields: absent means the default, but `null` is a wrong type (400), as in
// the reference, which documents no nullable request field.
export function optionalText(body: Body, field: string, max = 2000): string | null {
  const value = body[field]
  if (value === undefined) return null
  if (typeof value !== 'string') throw bad(`${field} must be a string`)
  if (value.length > max) throw bad(`${field} must be at most ${max} characters`)
  return value.trim() || null
}

export function oneOf<T extends string | number>(body: Body, field: string, allowed: readonly T[], fallback: T): T {
  const value = body[field]
  if (value === undefined) return fallback
  if (!allowed.includes(value as T)) throw bad(`${field} must be one of ${quoted(allowed)}`)
  return value as T
}

export function optionalBoolean(body: Body, field: string, fallback = false): boolean {
  const value = body[field]
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') throw bad(`${field} must be a boolean`)
  return value
}

export function integerInRange(body: Body, field: string, min: number, max: number, fallback: number): number {
  const value = body[field]
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw bad(`${field} must be an integer from ${min} to ${max}`)
  }
  return value
}

export function uuidField(body: Body, field: string): string | null {
  const value = body[field]
  if (value === undefined) return null
  if (!isUuid(value)) throw bad(`${field} must be a UUID`)
  return value.toLowerCase()
}

export function uuidList(body: Body, field: string, max = 10): string[] {
  const value = body[field]
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every(isUuid)) throw bad(`${field} must be an array of UUIDs`)
  if (value.length > max) throw bad(`${field} can include at most ${max} items`)
  return [...new Set(value.map((id) => id.toLowerCase()))]
}

/** Image inputs accept these, or a media URL of this sandbox (see media-ref.ts). */
export function isHttpsUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && url.hostname.length > 0
  } catch {
    return false
  }
}

export function optionalObject(body: Body, field: string): Record<string, unknown> | null {
  const value = body[field]
  if (value === undefined || value === null) return null
  if (typeof value !== 'object' || Array.isArray(value)) throw bad(`${field} must be an object`)
  return value as Record<string, unknown>
}

/** `?limit=` on GET /products: 1..100, default 50. */
export function limitParam(raw: string | null, fallback = 50, max = 100): number {
  if (raw === null) return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw bad(`limit must be an integer from 1 to ${max}`)
  return Number(raw)
}
