import { describe, expect, it } from 'vitest'
import {
  MISSING_SCOPE_MESSAGE,
  NO_PIXEL_MESSAGE,
  sendConversions
} from '../../../src-main/account/conversions'
import { AppError, isAppError } from '../../../src-main/core/app-error'
import type { ConversionEvent } from '../../../src-preload/contract'
import type { KrevClient } from '../../../src-main/krev/types'

const event = (name: string, id: string): ConversionEvent => ({
  event_name: name,
  event_time: 1777632000,
  event_id: id,
  action_source: 'website',
  user_data: { email: 'customer@example.com' }
})

function client(failAt: number | null, error?: AppError) {
  const sent: string[] = []
  const c = {
    async sendConversion(e: Record<string, unknown>) {
      if (failAt !== null && sent.length === failAt) throw error
      sent.push(String(e.event_id))
      return { status: 'sent', events_received: 1 }
    }
  } as unknown as KrevClient
  return { c, sent }
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.catch((x: unknown) => x)
  if (!isAppError(e)) throw new Error('expected an AppError')
  return e
}

const events = [event('Purchase', 'o1'), event('Lead', 'o2'), event('Purchase', 'o3')]

describe('conversions.send', () => {
  it('posts one event per request, in order, and sums what Krev received', async () => {
    const { c, sent } = client(null)
    expect(await sendConversions(c, events)).toEqual({ status: 'sent', eventsReceived: 3 })
    expect(sent).toEqual(['o1', 'o2', 'o3'])
  })

  it('stops at a missing conversions scope, saying how many were sent', async () => {
    const { c, sent } = client(
      2,
      new AppError('forbidden', 'Your API key isn’t allowed to do this.', {
        status: 403,
        serverMessage: "This API key does not have the 'conversions' scope"
      })
    )
    const e = await failure(sendConversions(c, events))
    expect(sent).toEqual(['o1', 'o2'])
    expect(e.code).toBe('forbidden')
    expect(e.message).toBe(`Sent 2 of 3 events. Event 3 ("Purchase") failed: ${MISSING_SCOPE_MESSAGE}`)
  })

  it('explains a missing Meta pixel', async () => {
    const { c } = client(
      1,
      new AppError('bad_request', 'Krev couldn’t accept this request.', {
        status: 400,
        serverMessage: 'No active Meta pixel configuration for this account'
      })
    )
    const e = await failure(sendConversions(c, events))
    expect(e.message).toBe(`Sent 1 of 3 events. Event 2 ("Lead") failed: ${NO_PIXEL_MESSAGE}`)
  })

  it('says nothing was sent when the first event fails, keeping retryability', async () => {
    const { c } = client(0, new AppError('network', 'Could not reach Krev. Check your internet connection.'))
    const e = await failure(sendConversions(c, events))
    expect(e.message).toBe(
      'No events were sent. The first event ("Purchase") failed: Could not reach Krev. Check your internet connection.'
    )
    expect(e.code).toBe('network')
    expect(e.retryable).toBe(true)
  })
})
