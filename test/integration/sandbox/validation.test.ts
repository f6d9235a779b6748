import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boot, createProduct, type Booted } from './helpers'
import type { Credits, Envelope } from './wire'

describe('sandbox request validation (400s mirror the reference)', () => {
  let b: Booted
  let productId: string
  const missing = '00000000-0000-4000-8000-000000000000'
  beforeAll(async () => {
    b = await boot()
    productId = (await createProduct(b)).id
  })
  afterAll(() => b.close())

  const cases: Array<[string, string, unknown, number, RegExp]> = [
    ['images without prompt', '/images', {}, 400, /^prompt is required$/],
    ['images with blank prompt', '/images', { prompt: '   ' }, 400, /^prompt is required$/],
    ['images with numeric prompt', '/images', { prompt: 42 }, 400, /prompt must be a string/],
    ['images bad aspect', '/images', { prompt: 'x', aspect_ratio: '4:5' }, 400, /^aspect_ratio must be one of "1:1", "16:9", "9:16", "4:3", "3:4"$/],
    ['images bad count', '/images', { prompt: 'x', image_count: 3 }, 400, /image_count must be one of 1, 2, 4/],
    ['images hd not boolean', '/images', { prompt: 'x', hd: 'yes' }, 400, /hd must be a boolean/],
    ['images product_id not uuid', '/images', { prompt: 'x', product_id: 'abc' }, 400, /product_id must be a UUID/],
    ['images product_ids not uuids', '/images', { prompt: 'x', product_ids: ['abc'] }, 400, /^product_ids must be an array of UUIDs$/],
    ['images preset over 64 characters', '/images', { prompt: 'x', preset_id: 'p'.repeat(65) }, 400, /^preset_id must be at most 64 characters$/],
    ['images null product_id', '/images', { prompt: 'x', product_id: null }, 400, /^product_id must be a UUID$/],
    ['images unknown product', '/images', { prompt: 'x', product_ids: [missing] }, 404, /Product not found/],
    ['images http reference', '/images', { prompt: 'x', reference_images: ['http://example.com/a.png'] }, 400, /https/],
    ['images file reference', '/images', { prompt: 'x', reference_images: ['file:///etc/passwd'] }, 400, /https/],
    ['videos without prompt', '/videos', { duration: 5 }, 400, /^prompt is required$/],
    ['videos duration too short', '/videos', { prompt: 'x', duration: 3 }, 400, /duration must be an integer from 4 to 15/],
    ['videos duration too long', '/videos', { prompt: 'x', duration: 16 }, 400, /duration/],
    ['videos duration fractional', '/videos', { prompt: 'x', duration: 5.5 }, 400, /duration/],
    ['videos bad audio', '/videos', { prompt: 'x', audio_mode: 'loud' }, 400, /audio_mode must be one of "auto", "off", "native"/],
    ['videos bad aspect', '/videos', { prompt: 'x', aspect_ratio: '2:1' }, 400, /aspect_ratio must be one of/],
    ['videos http source', '/videos', { prompt: 'x', source_image: 'http://example.com/a.jpg' }, 400, /source_image must be an https URL/],
    ['videos video source', '/videos', { prompt: 'x', source_image: 'https://example.com/a.mp4' }, 400, /video URLs are not supported/],
    ['ads without brief', '/ads', { product_ids: [missing] }, 400, /^brief is required$/],
    ['ads without products', '/ads', { brief: 'x' }, 400, /product_ids is required/],
    ['ads empty products', '/ads', { brief: 'x', product_ids: [] }, 400, /at least one product/],
    ['ads bad aspect', '/ads', { brief: 'x', product_ids: [missing], aspect_ratio: '16:9' }, 400, /aspect_ratio must be one of "1:1", "4:5", "9:16"/],
    ['ads unknown product', '/ads', { brief: 'x', product_ids: [missing] }, 404, /Product not found/],
    ['ads http inspiration', '/ads', { brief: 'x', product_ids: [missing], inspiration_image: 'http://x.y/a.png' }, 400, /inspiration_image must be an https URL/],
    ['chat without message', '/chat', {}, 400, /^message is required$/],
    ['chat blank message', '/chat', { message: '  ' }, 400, /^message is required$/],
    ['chat 11 products', '/chat', { message: 'x', product_ids: Array.from({ length: 11 }, () => missing) }, 400, /^product_ids can include at most 10 items$/],
    ['chat bad agent', '/chat', { message: 'x', agent: 'root' }, 400, /agent must be one of "auto", "asset", "discover"/],
    ['chat bad conversation id', '/chat', { message: 'x', conversation_id: 'nope' }, 400, /conversation_id must be a UUID/],
    ['chat unknown conversation', '/chat', { message: 'x', conversation_id: missing }, 404, /Conversation not found/],
    ['products without image_url', '/products', { name: 'x' }, 400, /^image_url is required$/],
    ['products http image_url', '/products', { image_url: 'http://example.com/a.png' }, 400, /https URL or a data:image/],
    ['products javascript url', '/products', { image_url: 'javascript:alert(1)' }, 400, /https URL or a data:image/]
  ]

  for (const [name, path, body, status, message] of cases) {
    it(name, async () => {
      const res = await b.call(path, { json: body })
      expect(res.status, JSON.stringify(res.body)).toBe(status)
      expect(res.body.success).toBe(false)
      expect(res.body.error).toMatch(message)
    })
  }

  it('a valid product id passes the ads checks', async () => {
    expect((await b.call('/ads', { json: { brief: 'x', product_ids: [productId] } })).status).toBe(200)
  })

  it('rejects malformed JSON, non-object bodies and oversized JSON', async () => {
    const bad = await b.api('/images', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as Envelope<unknown>).error).toBe('Invalid JSON body')
    expect((await b.call('/images', { json: ['prompt'] })).status).toBe(400)
    const huge = await b.call('/images', { json: { prompt: 'x', pad: 'y'.repeat(1024 * 1024 + 10) } })
    expect(huge.status).toBe(413)
  })

  it('GET parameters: generation and run ids must be UUIDs, product limit 1..100', async () => {
    // The reference: 404 "Resource not found (e.g. invalid generation ID)".
    expect((await b.call('/generations/not-a-uuid')).status).toBe(404)
    expect((await b.call(`/generations/${missing}`)).status).toBe(404)
    expect((await b.call('/chat/runs/zzz')).status).toBe(400)
    expect((await b.call(`/chat/runs/${missing}`)).status).toBe(404)
    expect((await b.call('/chat/conversations/zzz')).status).toBe(400)
    for (const limit of ['0', '101', 'abc', '-1', '1.5']) expect((await b.call(`/products?limit=${limit}`)).status).toBe(400)
    expect((await b.call('/products?id=nope')).status).toBe(400)
    expect((await b.call(`/products?id=${missing}`)).status).toBe(404)
  })

  it('null for a typed optional field is refused, not taken as the default (issue 8)', async () => {
    for (const [path, json, field] of [
      ['/images', { prompt: 'x', aspect_ratio: null }, 'aspect_ratio'],
      ['/images', { prompt: 'x', image_count: null }, 'image_count'],
      ['/images', { prompt: 'x', hd: null }, 'hd'],
      ['/images', { prompt: 'x', product_id: null }, 'product_id'],
      ['/videos', { prompt: 'x', duration: null }, 'duration']
    ] as const) {
      const r = await b.call<unknown>(path, { json })
      expect(r.status, `${path} ${field}`).toBe(400)
      expect(JSON.stringify(r.body)).toContain(field)
    }
  })

  it('bad percent-encoding in image_url or the session cookie is a 400 with the error shape, not a 500', async () => {
    const product = await b.call<unknown>('/products', { json: { name: 'x', image_url: 'https://example.com/%E0%A4%A.jpg' } })
    expect(product.status).toBe(400)
    expect(product.body).toMatchObject({ success: false, error: expect.stringMatching(/image_url/) })
    const keys = await b.api('/keys', { method: 'POST', headers: { cookie: 'krev_session=%E0%A4%A', 'content-type': 'application/json' }, body: '{}' })
    expect(keys.status).toBe(400)
    expect(await keys.json()).toMatchObject({ success: false, error: expect.stringMatching(/krev_session/) })
  })

  it('a failed validation charges nothing', async () => {
    const before = (await b.call<Credits>('/credits')).body.data.credits.current
    await b.call('/images', { json: { prompt: 'x', image_count: 3 } })
    await b.call('/videos', { json: { prompt: 'x', duration: 99 } })
    expect((await b.call<Credits>('/credits')).body.data.credits.current).toBe(before)
  })
})
