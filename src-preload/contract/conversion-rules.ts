/**
 * The bounds of a Meta conversion event, with no zod import: the wire schema (`krev/wire.ts`,
 * which the client and the sandbox both validate with) and the renderer's form and importer
 * read these, so a limit is changed in one place and all three move together.
 */

export const MAX_EVENT_NAME = 100
export const MAX_EVENT_ID = 200
export const MAX_EVENT_SOURCE_URL = 2048
/** Meta refuses events older than seven days… */
export const MAX_EVENT_AGE_SECONDS = 7 * 24 * 60 * 60
/** …and events from the future; the slack absorbs clock drift between the sender and Krev. */
export const FUTURE_SLACK_SECONDS = 10 * 60
/** ISO 4217 currency codes, as `custom_data.currency` carries them. */
export const CURRENCY_CODE = /^[A-Za-z]{3}$/

export const nowSeconds = (now = Date.now()): number => Math.floor(now / 1000)

/** A time this large is milliseconds sent as seconds (1e11 s is the year 5138). */
export const looksLikeMilliseconds = (eventTime: number): boolean => eventTime > 1e11

/** Why `eventTime` (Unix seconds) falls outside Meta's window at `now`, or null when inside it. */
export function eventTimeProblem(eventTime: number, now = Date.now()): 'too_old' | 'future' | null {
  const s = nowSeconds(now)
  if (eventTime > s + FUTURE_SLACK_SECONDS) return 'future'
  if (eventTime < s - MAX_EVENT_AGE_SECONDS) return 'too_old'
  return null
}

/** `event_source_url`: an absolute http(s) address. */
export function isEventSourceUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}
