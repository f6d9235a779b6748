import type { z } from 'zod'
import { looksLikeMilliseconds } from '../../src-preload/contract/conversion-rules'
import { invalidInput } from './errors'
import { conversionEvent, ruleOf } from './wire'

/**
 * A Meta conversion event, checked before it is sent by the wire schema's `ConversionEvent`
 * (the one the sandbox judges with and the OpenAPI document shows), and refused in words a
 * creator can act on. The body sent is the schema's fields as given (unknown ones dropped).
 */

/** What one POST may carry: Krev takes one event, and an event is a few fields, not a file. */
const MAX_CONVERSION_BYTES = 64 * 1024

type Issue = z.core.$ZodIssue

function creatorMessage(issue: Issue, event: Record<string, unknown>): string {
  const rule = ruleOf(issue)
  switch (issue.path.join('.')) {
    case 'event_name':
      return issue.code === 'too_big'
        ? `The event name is too long (at most ${Number(issue.maximum)} characters).`
        : "The event name can't be empty."
    case 'event_time': {
      const t = event.event_time
      if (t === undefined || t === null) return 'The event time is missing.'
      if (rule === 'too_old') return 'Meta only accepts events from the last 7 days.'
      if (rule === 'future' && !looksLikeMilliseconds(Number(t))) return 'The event time is in the future.'
      return 'Event time must be a Unix timestamp in whole seconds.'
    }
    case 'event_id':
      return issue.code === 'too_big'
        ? `The event ID is too long (at most ${Number(issue.maximum)} characters).`
        : 'The event ID must be text.'
    case 'action_source':
      return issue.code === 'invalid_value'
        ? `The action source must be one of: ${issue.values.join(', ')}.`
        : 'The action source is not one of the choices.'
    case 'event_source_url':
      return issue.code === 'too_big' ? 'The event page address is too long.' : 'The event page address must be an http:// or https:// link.'
    case 'user_data':
      return 'Add at least one customer detail: email, phone or external ID.'
    case 'custom_data.value':
      return 'The conversion value must be a number, like 79.00.'
    case 'custom_data.currency':
      return 'The currency must be a three-letter code, like USD.'
    default:
      return 'The custom data must be a set of named values.'
  }
}

/** One Meta event per POST: the body to send, or an invalid_input error (nothing sent). */
export function validateConversionEvent(event: Record<string, unknown>): Record<string, unknown> {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw invalidInput('The conversion event settings are missing.')
  if (Array.isArray(event.data)) throw invalidInput('Send one conversion event at a time.')
  const result = conversionEvent.safeParse(event)
  if (!result.success) throw invalidInput(creatorMessage(result.error.issues[0]!, event))
  let size: number
  try {
    size = Buffer.byteLength(JSON.stringify(result.data))
  } catch {
    throw invalidInput('The conversion event contains data that cannot be sent.')
  }
  if (size > MAX_CONVERSION_BYTES) throw invalidInput('The conversion event is too large (at most 64 KB).')
  return result.data
}
