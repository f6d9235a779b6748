import { describe, expect, it } from 'vitest'
import { checkEvent, parseEventTime, summariseErrors } from '../../../src-renderer/src/features/account/conversion-event'
import { CUSTOM_EVENT, emptyFields, errorsByField, rawFromFields } from '../../../src-renderer/src/features/account/conversion-fields'

const NOW = Date.parse('2026-05-01T12:00:00Z')
const T = Math.floor(NOW / 1000) - 3600

const good = {
  event_name: 'Purchase',
  event_time: T,
  event_id: 'order_123',
  action_source: 'website',
  event_source_url: 'https://example.com/products/wallet',
  user_data: { email: ' Customer@Example.com ' },
  custom_data: { currency: 'usd', value: '79.00' }
}

describe('one conversion event', () => {
  it('normalises a valid event to the contract shape', () => {
    const out = checkEvent(good, NOW)
    expect(out).toEqual({
      ok: true,
      event: {
        event_name: 'Purchase',
        event_time: T,
        event_id: 'order_123',
        action_source: 'website',
        event_source_url: 'https://example.com/products/wallet',
        user_data: { email: 'customer@example.com' },
        custom_data: { currency: 'USD', value: 79 }
      }
    })
  })

  it('explains every problem by field', () => {
    const out = checkEvent(
      { event_name: '', event_time: 'yesterday', action_source: 'fax', user_data: {}, custom_data: { value: 'ten' } },
      NOW
    )
    expect(out.ok).toBe(false)
    if (out.ok) return
    expect(Object.keys(out.errors).sort()).toEqual(['action_source', 'currency', 'event_name', 'event_time', 'user_data', 'value'])
    expect(summariseErrors({ event_time: 'bad' })).toBe('event_time: bad')
  })

  it('checks event time: seconds, not milliseconds, within the last 7 days', () => {
    expect(parseEventTime('1777632000')).toBe(1777632000)
    expect(parseEventTime('2026-05-01T11:00:00Z')).toBe(Math.floor(Date.parse('2026-05-01T11:00:00Z') / 1000))
    expect(parseEventTime('soon')).toBeNull()
    const at = (event_time: unknown) => checkEvent({ ...good, event_time }, NOW)
    expect(at(T * 1000)).toMatchObject({ ok: false, errors: { event_time: expect.stringMatching(/milliseconds/) } })
    expect(at(T + 86400)).toMatchObject({ ok: false, errors: { event_time: expect.stringMatching(/future/) } })
    expect(at(T - 8 * 86400)).toMatchObject({ ok: false, errors: { event_time: expect.stringMatching(/7 days/) } })
  })

  it('needs a page URL for website events, and a value for purchases', () => {
    expect(checkEvent({ ...good, event_source_url: '' }, NOW)).toMatchObject({ ok: false, errors: { event_source_url: expect.any(String) } })
    expect(checkEvent({ ...good, action_source: 'physical_store', event_source_url: '' }, NOW).ok).toBe(true)
    expect(checkEvent({ ...good, custom_data: {} }, NOW)).toMatchObject({ ok: false, errors: { value: expect.any(String) } })
    expect(checkEvent({ ...good, event_name: 'Lead', custom_data: {} }, NOW).ok).toBe(true)
  })

  it('normalises phones and keeps extra user_data keys', () => {
    const out = checkEvent({ ...good, user_data: { phone: '+1 (555) 010-1234', client_user_agent: 'UA' } }, NOW)
    expect(out).toMatchObject({ ok: true, event: { user_data: { phone: '15550101234', client_user_agent: 'UA' } } })
    expect(checkEvent({ ...good, user_data: { phone: '12' } }, NOW)).toMatchObject({ ok: false, errors: { phone: expect.any(String) } })
  })

  it('maps the form fields to an event and errors back to fields', () => {
    const f = { ...emptyFields(NOW), eventTime: String(T), eventSourceUrl: 'https://shop.example.com/x', email: 'a@b.co', value: '12,50' }
    expect(checkEvent(rawFromFields(f), NOW)).toMatchObject({ ok: true, event: { event_name: 'Purchase', custom_data: { value: 12.5, currency: 'USD' } } })
    const custom = { ...f, eventChoice: CUSTOM_EVENT, customName: 'BookDemo', value: '' }
    expect(checkEvent(rawFromFields(custom), NOW)).toMatchObject({ ok: true, event: { event_name: 'BookDemo' } })
    expect(errorsByField({ user_data: 'x', event_name: 'y', email: 'z' })).toEqual({ email: 'x', customName: 'y' })
  })
})
