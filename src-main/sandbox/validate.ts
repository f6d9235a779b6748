import { HttpError } from './http'

/**
 * The field checks left outside the wire schema (query strings, URL syntax), in the
 * reference's wording. Request bodies the wire schema declares are judged by it
 * (`wire-body.ts`). Each returns the normalised value or throws a 400.
 */

const bad = (message: string): HttpError => new HttpError(400, message)

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

/** `?limit=` on GET /products: 1..100, default 50. */
export function limitParam(raw: string | null, fallback = 50, max = 100): number {
  if (raw === null) return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw bad(`limit must be an integer from 1 to ${max}`)
  return Number(raw)
}
