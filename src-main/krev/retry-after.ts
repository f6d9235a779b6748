/**
 * Retry-After (RFC 9110 §10.2.3): either delta-seconds or an HTTP-date. Anything else
 * (garbage, negative numbers, several values) is ignored so the caller falls back to its
 * own backoff; huge values are clamped so a bad header can't park a job for days.
 */

export const DEFAULT_MAX_RETRY_AFTER_MS = 5 * 60_000

const DELTA_SECONDS = /^\d{1,12}$/
// IMF-fixdate, obsolete RFC 850 and asctime all start with a day name.
const HTTP_DATE = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+[\w\s:,-]+$/i

/**
 * Milliseconds to wait, or undefined when the header is absent or unusable.
 * A date in the past means "now" (0).
 */
export function parseRetryAfter(
  value: string | string[] | number | null | undefined,
  now: number = Date.now(),
  maxMs: number = DEFAULT_MAX_RETRY_AFTER_MS
): number | undefined {
  if (value === null || value === undefined) return undefined
  if (Array.isArray(value)) {
    // Two different Retry-After headers are contradictory: trust neither.
    if (value.length !== 1) return undefined
    value = value[0]
  }
  let ms: number
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined
    ms = value * 1000
  } else {
    const text = value.trim()
    if (DELTA_SECONDS.test(text)) {
      ms = Number(text) * 1000
    } else if (HTTP_DATE.test(text)) {
      const at = Date.parse(text)
      if (!Number.isFinite(at)) return undefined
      ms = at - now
    } else {
      return undefined
    }
  }
  if (!Number.isFinite(ms)) return undefined
  return Math.round(Math.min(Math.max(ms, 0), Math.max(0, maxMs)))
}
