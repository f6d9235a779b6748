import { nowSeconds, STANDARD_EVENTS, type RawEvent } from './conversion-event'

/** The single-event form, as strings, exactly as typed. */
export interface ConversionFields {
  eventChoice: string
  customName: string
  eventTime: string
  eventId: string
  actionSource: string
  eventSourceUrl: string
  email: string
  phone: string
  externalId: string
  currency: string
  value: string
}

export const CUSTOM_EVENT = '__custom__'

export const emptyFields = (now = Date.now()): ConversionFields => ({
  eventChoice: STANDARD_EVENTS[0],
  customName: '',
  eventTime: String(nowSeconds(now)),
  eventId: '',
  actionSource: 'website',
  eventSourceUrl: '',
  email: '',
  phone: '',
  externalId: '',
  currency: 'USD',
  value: ''
})

export function rawFromFields(f: ConversionFields): RawEvent {
  const custom: Record<string, unknown> = {}
  if (f.value.trim()) {
    custom.value = f.value
    custom.currency = f.currency
  } else if (f.currency.trim() && f.eventChoice === 'Purchase') custom.currency = f.currency
  return {
    event_name: f.eventChoice === CUSTOM_EVENT ? f.customName : f.eventChoice,
    event_time: f.eventTime,
    event_id: f.eventId,
    action_source: f.actionSource,
    event_source_url: f.eventSourceUrl,
    user_data: { email: f.email, phone: f.phone, external_id: f.externalId },
    custom_data: custom
  }
}

/** Which form field shows a given validation error. */
export const FIELD_FOR_ERROR: Record<string, keyof ConversionFields> = {
  event_name: 'customName',
  event_time: 'eventTime',
  event_id: 'eventId',
  action_source: 'actionSource',
  event_source_url: 'eventSourceUrl',
  email: 'email',
  phone: 'phone',
  external_id: 'externalId',
  user_data: 'email',
  currency: 'currency',
  value: 'value'
}

export function errorsByField(errors: Record<string, string>): Partial<Record<keyof ConversionFields, string>> {
  const out: Partial<Record<keyof ConversionFields, string>> = {}
  for (const [k, m] of Object.entries(errors)) {
    const f = FIELD_FOR_ERROR[k] ?? 'eventChoice'
    if (!out[f]) out[f] = m
  }
  return out
}
