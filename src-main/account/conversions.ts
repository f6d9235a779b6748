import type { ConversionEvent } from '../../src-preload/contract'
import { AppError, isAppError } from '../core/app-error'
import type { KrevClient } from '../krev/types'

export const MISSING_SCOPE_MESSAGE =
  'This key lacks the conversions scope. Create a key with the "conversions" scope in Krev → Settings → API Keys and save it here.'
export const NO_PIXEL_MESSAGE =
  'Your Krev account has no active Meta pixel. Connect a Meta pixel in Krev before sending conversion events.'

/** Why one event failed, in words that say what to do. */
export function conversionFailureReason(error: unknown): string {
  if (!isAppError(error)) return 'an unexpected error occurred.'
  const server = error.serverMessage ?? ''
  if (/pixel/i.test(server)) return NO_PIXEL_MESSAGE
  if (error.code === 'forbidden' || /scope/i.test(server)) return MISSING_SCOPE_MESSAGE
  return error.message
}

/**
 * Sends Meta conversion events one per POST, in order (as the API documents). Stops at
 * the first failure: the error says how many were sent and why the next one failed, so
 * the user can resend from there without duplicating events.
 */
export async function sendConversions(
  client: KrevClient,
  events: ConversionEvent[],
  signal?: AbortSignal
): Promise<{ status: string; eventsReceived: number }> {
  let received = 0
  let status = 'sent'
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!
    try {
      const result = await client.sendConversion(event as unknown as Record<string, unknown>, signal)
      received += Number.isFinite(result.events_received) ? Math.max(0, Math.trunc(result.events_received)) : 0
      status = result.status
    } catch (error) {
      const reason = conversionFailureReason(error)
      const name = event.event_name.slice(0, 100)
      const message =
        i === 0
          ? `No events were sent. The first event ("${name}") failed: ${reason}`
          : `Sent ${i} of ${events.length} events. Event ${i + 1} ("${name}") failed: ${reason}`
      const code = isAppError(error) ? error.code : 'internal'
      throw new AppError(code, message, {
        retryable: isAppError(error) ? error.retryable : false,
        ...(isAppError(error) && error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
        cause: error
      })
    }
  }
  return { status, eventsReceived: received }
}
