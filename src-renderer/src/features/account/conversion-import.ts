import type { ConversionEvent } from '../../../../src-preload/contract'
import { parseCsv } from '../../lib/csv'
import { checkEvent, summariseErrors, type RawEvent } from './conversion-event'

export { parseCsv }

/**
 * Reads a batch of Meta conversion events from a JSON file (an array of events, or one
 * event) or a CSV file with a header row. Pure: the screen reads the file, this parses it.
 */

export const MAX_IMPORT_ROWS = 1000
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

export const CSV_COLUMNS = [
  'event_name',
  'event_time',
  'event_id',
  'action_source',
  'event_source_url',
  'email',
  'phone',
  'external_id',
  'currency',
  'value'
] as const
const REQUIRED_COLUMNS = ['event_name', 'event_time'] as const
const USER_FIELDS = ['email', 'phone', 'external_id'] as const
const CUSTOM_FIELDS = ['currency', 'value'] as const

export interface RowError {
  /** "Row 3" (CSV line, header is row 1) or "Event 3" (JSON, first is 1). */
  label: string
  message: string
}

export type ImportResult =
  | { ok: true; format: 'csv' | 'json'; total: number; events: ConversionEvent[]; errors: RowError[] }
  | { ok: false; message: string }

const fail = (message: string): ImportResult => ({ ok: false, message })

function fromCsv(text: string, now: number): ImportResult {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ','
  const rows = parseCsv(text, delimiter)
  if (rows.length === 0) return fail('The file is empty.')
  const header = rows[0].cells.map((h) => h.trim().toLowerCase())
  const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h))
  if (unknown.length) return fail(`Unknown column “${unknown[0]}”. The header row can use: ${CSV_COLUMNS.join(', ')}.`)
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c))
  if (missing.length) return fail(`The header row needs a “${missing[0]}” column.`)
  const data = rows.slice(1)
  if (data.length === 0) return fail('The file has a header row but no events.')
  if (data.length > MAX_IMPORT_ROWS) return tooMany(data.length)

  const events: ConversionEvent[] = []
  const errors: RowError[] = []
  for (const row of data) {
    const get = (col: string) => {
      const i = header.indexOf(col)
      return i === -1 ? '' : (row.cells[i] ?? '').trim()
    }
    const raw: RawEvent = {
      event_name: get('event_name'),
      event_time: get('event_time'),
      event_id: get('event_id'),
      action_source: get('action_source'),
      event_source_url: get('event_source_url'),
      user_data: Object.fromEntries(USER_FIELDS.map((f) => [f, get(f)])),
      custom_data: Object.fromEntries(CUSTOM_FIELDS.map((f) => [f, get(f)]).filter(([, v]) => v !== ''))
    }
    collect(checkEvent(raw, now), `Row ${row.line}`, events, errors)
  }
  return { ok: true, format: 'csv', total: data.length, events, errors }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Accepts Meta's nested shape, and flat email/phone/external_id/currency/value keys too. */
export function rawFromJson(o: Record<string, unknown>): RawEvent {
  const user: Record<string, unknown> = isObject(o.user_data) ? { ...o.user_data } : {}
  const custom: Record<string, unknown> = isObject(o.custom_data) ? { ...o.custom_data } : {}
  for (const f of USER_FIELDS) if (o[f] !== undefined && user[f] === undefined) user[f] = o[f]
  for (const f of CUSTOM_FIELDS) if (o[f] !== undefined && custom[f] === undefined) custom[f] = o[f]
  return {
    event_name: o.event_name,
    event_time: o.event_time,
    event_id: o.event_id,
    action_source: o.action_source,
    event_source_url: o.event_source_url,
    user_data: user,
    custom_data: custom
  }
}

function fromJson(text: string, now: number): ImportResult {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return fail('This isn’t valid JSON. Check for a missing comma or bracket.')
  }
  // Meta's own request shape wraps events in { data: [...] }.
  if (isObject(parsed) && Array.isArray(parsed.data)) parsed = parsed.data
  const list = Array.isArray(parsed) ? parsed : [parsed]
  if (list.length === 0) return fail('The file has no events.')
  if (list.length > MAX_IMPORT_ROWS) return tooMany(list.length)
  const events: ConversionEvent[] = []
  const errors: RowError[] = []
  list.forEach((item, i) => {
    const label = `Event ${i + 1}`
    if (!isObject(item)) errors.push({ label, message: 'Each event must be an object with event_name, event_time, …' })
    else collect(checkEvent(rawFromJson(item), now), label, events, errors)
  })
  return { ok: true, format: 'json', total: list.length, events, errors }
}

function collect(checked: ReturnType<typeof checkEvent>, label: string, events: ConversionEvent[], errors: RowError[]) {
  if (checked.ok) events.push(checked.event)
  else errors.push({ label, message: summariseErrors(checked.errors) })
}

const tooMany = (n: number): ImportResult =>
  fail(
    `This file has ${n.toLocaleString('en-US')} events; up to ${MAX_IMPORT_ROWS.toLocaleString('en-US')} can be sent at once. Split it into smaller files.`
  )

/** Picks the format from the name, or from the first character when the name says nothing. */
export function parseConversionFile(fileName: string, text: string, now = Date.now()): ImportResult {
  const body = text.replace(/^\uFEFF/, '')
  if (!body.trim()) return fail('The file is empty.')
  const ext = fileName.toLowerCase().split('.').pop()
  if (ext === 'json') return fromJson(body, now)
  if (ext === 'csv' || ext === 'txt') return fromCsv(body, now)
  const first = body.trimStart()[0]
  return first === '[' || first === '{' ? fromJson(body, now) : fromCsv(body, now)
}
