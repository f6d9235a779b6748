import { afterEach, describe, expect, it } from 'vitest'
import { caught, creditsData, generationData, json, ok, raw, scriptServer, testClient, UUID, UUID2, type ScriptServer } from './helpers'
import { waitFor } from '../../support/wait-for'

/** A conversion the wire schema accepts: a minute old, so inside Meta's 7-day window. */
const purchase = () => ({
  event_name: 'Purchase',
  event_time: Math.floor(Date.now() / 1000) - 60,
  action_source: 'website',
  user_data: { email: 'a@b.co' }
})

let server: ScriptServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('response body cap', () => {
  it('aborts an endless body at the cap and destroys the socket', async () => {
    let written = 0
    let closed = false
    server = await scriptServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.write('{"success":true,"data":"')
      const chunk = Buffer.alloc(64 * 1024, 'a')
      const pump = () => {
        while (!closed && res.write(chunk)) {
          written += chunk.length
          if (written > 50 * 1024 * 1024) return // safety net: the test would fail below
        }
        if (!closed) res.once('drain', pump)
      }
      res.on('close', () => (closed = true))
      pump()
    })
    const { client } = testClient(server.baseUrl, { maxJsonBytes: 256 * 1024, retry: { maxAttempts: 1 } })
    const err = await caught(client.credits())
    expect(err.code).toBe('invalid_response')
    expect(err.message).toMatch(/larger than 256 KB/)
    await waitFor(() => closed, { message: 'the client kept reading an oversized body' })
    expect(written).toBeLessThan(10 * 1024 * 1024)
  })

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    server = await scriptServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(100 * 1024 * 1024) })
      res.write('{')
    })
    const { client } = testClient(server.baseUrl, { retry: { maxAttempts: 1 } })
    expect((await caught(client.credits())).code).toBe('invalid_response')
  })
})

describe('malformed answers → invalid_response', () => {
  it.each([
    ['truncated JSON', raw(200, '{"success":true,"data":{"plan":"pro","cred')],
    ['an HTML page with 200', raw(200, '<!doctype html><html><body>Maintenance</body></html>', 'text/html')],
    ['HTML with a JSON content type', raw(200, '<html></html>')],
    ['empty body', raw(200, '')],
    ['a JSON array', raw(200, '[1,2]')],
    ['success:false with 200', json(200, { success: false, error: 'nope' })],
    ['success missing', json(200, { data: creditsData })],
    ['missing fields', ok({ plan: 'pro' })],
    ['wrong types', ok({ ...creditsData, credits: { ...creditsData.credits, current: '1840' } })]
  ])('%s', async (_name, step) => {
    server = await scriptServer(step)
    const { client } = testClient(server.baseUrl)
    const err = await caught(client.credits())
    expect(err.code).toBe('invalid_response')
    expect(err.retryable).toBe(false)
    expect(server.requests).toHaveLength(1)
  })

  it('keeps the server text of a 2xx success:false', async () => {
    server = await scriptServer(json(200, { success: false, error: 'Pixel not configured' }))
    const err = await caught(testClient(server.baseUrl).client.sendConversion(purchase()))
    expect(err.serverMessage).toBe('Pixel not configured')
  })

  it('names only the field path, never the value, when validation fails', async () => {
    server = await scriptServer(ok({ ...creditsData, plan: 12345678 }))
    const err = await caught(testClient(server.baseUrl).client.credits())
    expect(err.message).toContain('(plan)')
    expect(err.message).not.toContain('12345678')
  })

  it('tolerates extra fields', async () => {
    server = await scriptServer(ok({ ...creditsData, brand_new_field: { x: 1 } }))
    await expect(testClient(server.baseUrl).client.credits()).resolves.toEqual(creditsData)
  })
})

describe('generations', () => {
  it.each([
    [150, 100],
    [-1, 0],
    [42.5, 42.5],
    [null, 0]
  ])('progress %s is clamped to %s', async (progress, expected) => {
    server = await scriptServer(ok(generationData({ status: 'processing', progress, output: null, completed_at: null })))
    const g = await testClient(server.baseUrl).client.getGeneration(UUID)
    expect(g.progress).toBe(expected)
  })

  it('an unknown status is invalid_response', async () => {
    server = await scriptServer(ok(generationData({ status: 'exploded' })))
    const err = await caught(testClient(server.baseUrl).client.getGeneration(UUID))
    expect(err.code).toBe('invalid_response')
    expect(err.message).toContain('(status)')
  })

  it('normalises synchronous and asynchronous POST answers into urls', async () => {
    server = await scriptServer([
      ok({ generation_id: UUID, images: ['https://a/1.webp', 'https://a/2.webp'], image_count: 2, credits_used: 80 }),
      ok({ generation_id: UUID, video_url: 'https://a/v.mp4', duration: 5, credits_used: 400 }),
      ok({ generation_id: UUID, status: 'queued' }),
      ok({
        generation_id: UUID,
        images: ['https://a/ad.webp'],
        image_count: 1,
        credits_used: 40,
        ad_copy: { style_name: 'S', hook: 'H', headline: 'Hd', body_copy: 'B', cta: 'C' }
      })
    ])
    const { client } = testClient(server.baseUrl)
    expect(await client.generateImages({ prompt: 'p', image_count: 2 })).toEqual({
      generation_id: UUID,
      urls: ['https://a/1.webp', 'https://a/2.webp'],
      credits_used: 80,
      image_count: 2
    })
    expect(await client.generateVideo({ prompt: 'p' })).toEqual({
      generation_id: UUID,
      urls: ['https://a/v.mp4'],
      credits_used: 400,
      duration: 5
    })
    expect(await client.generateImages({ prompt: 'p' })).toEqual({ generation_id: UUID, urls: [], credits_used: null })
    const ad = await client.generateAd({ brief: 'b', product_ids: [UUID2] })
    expect(ad.ad_copy?.headline).toBe('Hd')
    expect(ad.urls).toEqual(['https://a/ad.webp'])
  })
})

describe('products and conversions', () => {
  const product = {
    id: UUID,
    name: 'Bag',
    image_url: 'https://a/bag.webp',
    category: 'bags',
    metadata: { color: 'tan' },
    created_at: '2026-01-15T10:30:00Z'
  }

  it('lists with a limit and reads one by id (object or one-element list)', async () => {
    server = await scriptServer([json(200, { success: true, data: [product], meta: { count: 1 } }), ok(product), ok([product])])
    const { client } = testClient(server.baseUrl)
    expect(await client.listProducts({ limit: 10 })).toEqual([{ ...product, segmented_image_url: null }])
    expect(server.requests[0].url).toBe('/api/v1/products?limit=10')
    expect((await client.getProduct(UUID)).name).toBe('Bag')
    expect(server.requests[1].url).toBe(`/api/v1/products?id=${UUID}`)
    expect((await client.getProduct(UUID)).id).toBe(UUID)
  })

  it('an empty list for an id is not_found', async () => {
    server = await scriptServer(ok([]))
    expect((await caught(testClient(server.baseUrl).client.getProduct(UUID))).code).toBe('not_found')
  })

  it('reads the conversion result at the top level of the envelope', async () => {
    server = await scriptServer(json(200, { success: true, status: 'sent', events_received: 1 }))
    const { client } = testClient(server.baseUrl)
    const event = purchase()
    expect(await client.sendConversion({ ...event, not_a_field: 1 })).toEqual({
      status: 'sent',
      events_received: 1
    })
    // The wire schema's fields as given; what it does not declare is not sent.
    expect(JSON.parse(server.requests[0].body.toString())).toEqual(event)
  })

  it('sends the documented headers', async () => {
    server = await scriptServer(ok(creditsData))
    await testClient(server.baseUrl, { appVersion: '1.4.2' }).client.credits()
    const h = server.requests[0].headers
    expect(h.authorization).toMatch(/^Bearer sk_live_/)
    expect(h.accept).toBe('application/json')
    expect(h['user-agent']).toBe('KrevStudio/1.4.2')
  })

  it('accepts a base URL that already ends in /api/v1', async () => {
    server = await scriptServer(ok(creditsData))
    await testClient(`${server.baseUrl}/api/v1/`).client.credits()
    expect(server.requests[0].url).toBe('/api/v1/credits')
  })
})
