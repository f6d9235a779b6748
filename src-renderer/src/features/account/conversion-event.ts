import type { ConversionEvent } from '../../../../src-preload/contract'

/** Checks and normalises one Meta conversion event: shared by the form and the importer. */

import { ACTION_SOURCES, type ActionSource } from '../../../../src-preload/contract/values'
import {
  CURRENCY_CODE,
  eventTimeProblem,
  isEventSourceUrl,
  looksLikeMilliseconds,
  MAX_EVENT_ID,
  MAX_EVENT_NAME,
  MAX_EVENT_SOURCE_URL,
  nowSeconds
} from '../../../../src-preload/contract/conversion-rules'

export { ACTION_SOURCES, type ActionSource }

export const STANDARD_EVENTS = [
  'Purchase',
  'Lead',
  'AddToCart',
  'InitiateCheckout',
  'AddPaymentInfo',
  'CompleteRegistration',
  'ViewContent',
  'Subscribe',
  'StartTrial',
  'Contact',
  'Search',
  'AddToWishlist',
  'Schedule',
  'SubmitApplication'
] as const

/** What the form and the importer hand in: loosely typed, as read from a file. */
export interface RawEvent {
  event_name?: unknown
  event_time?: unknown
  event_id?: unknown
  action_source?: unknown
  event_source_url?: unknown
  user_data?: Record<string, unknown>
  custom_data?: Record<string, unknown>
}

/** Field → message. Keys: event_name, event_time, …, email, phone, external_id, currency, value, user_data. */
export type EventErrors = Record<string, string>

export type Checked = { ok: true; event: ConversionEvent } | { ok: false; errors: EventErrors }

const str = (v: unknown): string => (v == null ? '' : typeof v === 'string' ? v.trim() : String(v).trim())
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export { nowSeconds }

/** Unix seconds from a number, a numeric string or (for files) an ISO date. */
export function parseEventTime(v: unknown): number | null {
  const s = str(v)
  if (!s) return null
  if (/^\d+$/.test(s)) return Number(s)
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) {
    const t = Date.parse(s)
    return Number.isNaN(t) ? null : Math.floor(t / 1000)
  }
  return null
}

/** Meta wants digits only, with the country code. */
export const normalisePhone = (v: string): string => v.replace(/\D/g, '')

export function checkEvent(raw: RawEvent, now = Date.now()): Checked {
  const errors: EventErrors = {}

  const eventName = str(raw.event_name)
  if (!eventName) errors.event_name = 'Give the event a name, like Purchase.'
  else if (eventName.length > MAX_EVENT_NAME) errors.event_name = `Keep the name under ${MAX_EVENT_NAME} characters.`

  const time = parseEventTime(raw.event_time)
  if (time == null) errors.event_time = 'Use a unix time in seconds, like 1777632000.'
  else if (looksLikeMilliseconds(time)) errors.event_time = 'This looks like milliseconds. Use seconds (10 digits).'
  else if (eventTimeProblem(time, now) === 'future') errors.event_time = 'The time is in the future.'
  else if (eventTimeProblem(time, now) === 'too_old') errors.event_time = 'Meta only accepts events from the last 7 days.'

  const eventId = str(raw.event_id)
  if (eventId.length > MAX_EVENT_ID) errors.event_id = `Keep the event ID under ${MAX_EVENT_ID} characters.`

  const source = str(raw.action_source) || 'website'
  if (!(ACTION_SOURCES as readonly string[]).includes(source))
    errors.action_source = `Use one of: ${ACTION_SOURCES.join(', ')}.`

  const url = str(raw.event_source_url)
  if (url) {
    // Stricter than the wire's http(s) rule (a dotted host): a creator typing "shop" meant an address.
    if (!isEventSourceUrl(url) || !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) errors.event_source_url = 'Use a full address, like https://shop.com/product.'
    else if (url.length > MAX_EVENT_SOURCE_URL) errors.event_source_url = 'That address is too long.'
  } else if (source === 'website') errors.event_source_url = 'Website events need the page address.'

  const user: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(raw.user_data ?? {})) {
    if (Array.isArray(v)) {
      const list = v.map(str).filter(Boolean).slice(0, 20)
      if (list.length) user[k.slice(0, 100)] = list
    } else if (str(v)) user[k.slice(0, 100)] = str(v).slice(0, 1000)
  }
  if (typeof user.email === 'string') {
    user.email = user.email.toLowerCase()
    if (!EMAIL.test(user.email)) errors.email = 'That email address doesn’t look right.'
  }
  if (typeof user.phone === 'string') {
    user.phone = normalisePhone(user.phone)
    if (user.phone.length < 7 || user.phone.length > 15) errors.phone = 'Use the full number with country code.'
  }
  if (Object.keys(user).length === 0)
    errors.user_data = 'Add at least one customer detail: email, phone or external ID.'

  const custom: Record<string, string | number | boolean | null> = {}
  for (const [k, v] of Object.entries(raw.custom_data ?? {})) {
    if (v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) custom[k.slice(0, 100)] = v
    else if (str(v)) custom[k.slice(0, 100)] = str(v).slice(0, 1000)
  }
  if ('currency' in custom) {
    const c = str(custom.currency)
    if (!CURRENCY_CODE.test(c)) errors.currency = 'Use a three-letter code, like USD or EUR.'
    else custom.currency = c.toUpperCase()
  }
  if ('value' in custom) {
    const n = typeof custom.value === 'number' ? custom.value : Number(str(custom.value).replace(',', '.'))
    if (!Number.isFinite(n) || n < 0) errors.value = 'Use a number, like 79.00.'
    else custom.value = n
    if (!('currency' in custom)) errors.currency = 'Add the currency for this value.'
  }
  if (eventName === 'Purchase' && !('value' in custom)) errors.value = 'Purchases need a value and currency.'

  if (Object.keys(errors).length > 0) return { ok: false, errors }

  const event: ConversionEvent = {
    event_name: eventName,
    event_time: time as number,
    action_source: source as ActionSource,
    user_data: user
  }
  if (eventId) event.event_id = eventId
  if (url) event.event_source_url = url
  if (Object.keys(custom).length) event.custom_data = custom
  return { ok: true, event }
}

const LABELS: Record<string, string> = {
  event_name: 'event_name',
  event_time: 'event_time',
  event_id: 'event_id',
  action_source: 'action_source',
  event_source_url: 'event_source_url',
  user_data: 'customer',
  email: 'email',
  phone: 'phone',
  external_id: 'external_id',
  currency: 'currency',
  value: 'value'
}

/** "event_time: Use a unix time…; email: …" — one line per row in the import report. */
export const summariseErrors = (errors: EventErrors): string =>
  Object.entries(errors)
    .map(([k, m]) => `${LABELS[k] ?? k}: ${m}`)
    .join(' ')
