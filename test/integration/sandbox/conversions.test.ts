import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boot, type Booted } from './helpers'

const event = (over: Record<string, unknown> = {}) => ({
  event_name: 'Purchase',
  event_time: Math.floor(Date.now() / 1000) - 30,
  event_id: 'order_123',
  action_source: 'website',
  event_source_url: 'https://example.com/products/wallet',
  user_data: { email: 'customer@example.com' },
  custom_data: { currency: 'USD', value: 79.0 },
  ...over
})

describe('sandbox Meta conversions', () => {
  let b: Booted
  let noPixel: Booted
  beforeAll(async () => {
    b = await boot()
    noPixel = await boot({ metaPixel: false })
  })
  afterAll(async () => {
    await b.close()
    await noPixel.close()
  })

  it('accepts a valid event', async () => {
    const res = await b.call('/conversions/meta', { json: event() })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ success: true, status: 'sent', events_received: 1 })
  })

  it('403 without a pixel, 403 without the conversions scope', async () => {
    const res = await noPixel.call('/conversions/meta', { json: event() })
    expect(res.status).toBe(403)
    expect(res.body.error).toBe('No active Meta pixel configuration')
    const key = b.sb.createKey({ scopes: ['images', 'credits'] })
    expect((await b.call('/conversions/meta', { key, json: event() })).status).toBe(403)
  })

  it('validates like the Conversions API', async () => {
    const now = Math.floor(Date.now() / 1000)
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ event_name: '' }, /event_name is required/],
      [{ event_time: undefined }, /event_time is required/],
      [{ event_time: '1777632000' }, /unix timestamp/],
      [{ event_time: now + 0.5 }, /unix timestamp/],
      [{ event_time: now * 1000 }, /future/],
      [{ event_time: now - 8 * 24 * 3600 }, /7 days/],
      [{ event_time: now + 3600 }, /future/],
      [{ action_source: 'billboard' }, /action_source must be one of/],
      [{ action_source: undefined }, /action_source is required/],
      [{ user_data: {} }, /user_data/],
      [{ user_data: 'me@example.com' }, /user_data/],
      [{ event_source_url: 'ftp://x' }, /event_source_url/],
      [{ custom_data: [] }, /custom_data must be an object/],
      [{ custom_data: { value: '79' } }, /value must be a number/],
      [{ custom_data: { currency: 'dollars' } }, /currency/]
    ]
    for (const [over, message] of cases) {
      const body = event(over)
      for (const k of Object.keys(over)) if (over[k] === undefined) delete (body as Record<string, unknown>)[k]
      const res = await b.call('/conversions/meta', { json: body })
      expect(res.status, JSON.stringify(over)).toBe(400)
      expect(res.body.error).toMatch(message)
    }
    expect((await b.call('/conversions/meta', { json: event({ event_time: now + 300, event_id: undefined, custom_data: undefined }) })).status).toBe(200)
  })
})
