/** Display helpers. Pure: every one takes its locale and clock as arguments for tests. */

// Formatters are costly to make (a Queue row made three per render: 1.7 s of a 30 s scroll
// profile); one per locale and options, made on first use.
const formatters = new Map<string, Intl.NumberFormat | Intl.RelativeTimeFormat>()
function numberFormat(locale: string | undefined, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `n|${locale ?? ''}|${maximumFractionDigits}`
  let f = formatters.get(key) as Intl.NumberFormat | undefined
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits })))
  return f
}
function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = `r|${locale ?? ''}`
  let f = formatters.get(key) as Intl.RelativeTimeFormat | undefined
  if (!f) formatters.set(key, (f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })))
  return f
}

export function formatNumber(n: number, locale?: string): string {
  return numberFormat(locale, 0).format(Math.round(n))
}

export function formatCredits(n: number, locale?: string): string {
  const v = formatNumber(n, locale)
  return `${v} ${Math.round(n) === 1 ? 'credit' : 'credits'}`
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']

/** Binary units with the labels creators know ("500 MB", "2 GB"), as Krev shows them. */
export function formatBytes(bytes: number, locale?: string): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B'
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  const text = numberFormat(locale, digits).format(value)
  return `${text} ${UNITS[unit]}`
}

/** 0–100, safe for a zero or missing limit. */
export function percent(used: number, limit: number): number {
  if (!Number.isFinite(used) || !Number.isFinite(limit) || limit <= 0) return 0
  return Math.min(100, Math.max(0, (used / limit) * 100))
}

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY]
]

/** "in 3 days", "2 hours ago", "now". */
export function formatRelative(iso: string, now: number = Date.now(), locale?: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  let delta = (t - now) / 1000
  if (Math.abs(delta) < 45) return 'just now'
  const rtf = relativeFormat(locale)
  for (const [unit, size] of STEPS) {
    if (Math.abs(delta) < size) return rtf.format(Math.round(delta), unit)
    delta /= size
  }
  return rtf.format(Math.round(delta), 'year')
}

export function formatDate(iso: string, locale?: string, timeZone?: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(t)
}

export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {})
  }).format(t)
}

/** "1 image", "4 images". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Shortens the middle of long strings (paths, ids) so both ends stay readable. */
export function middleTruncate(s: string, max = 48): string {
  if (s.length <= max) return s
  const keep = max - 1
  const head = Math.ceil(keep / 2)
  return `${s.slice(0, head)}…${s.slice(s.length - (keep - head))}`
}
