import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boot, createProduct, settle, settleRun, urls, type Booted } from './helpers'
import type { AdStarted, ChatStarted, ImageStarted, Product, VideoStarted } from './wire'
import { tempDirs } from '../../support/temp-dirs'

/**
 * The sandbox's own signed media URLs (http on 127.0.0.1) are accepted wherever an image
 * input goes, resolved from its media store. The helpers' fetchRemote throws, so a
 * success here proves the URL never went through the https fetcher.
 */
describe('sandbox media URLs as image inputs', () => {
  let b: Booted
  let output: string
  let product: Product
  const logs: string[] = []
  beforeAll(async () => {
    b = await boot({ ffmpegPath: null, log: (line) => logs.push(line) })
    product = await createProduct(b, 'Night Serum')
    const { body } = await b.call<ImageStarted>('/images', { json: { prompt: 'a first render', product_id: product.id } })
    output = urls(await settle(b, body.data.generation_id))[0]
    expect(output.startsWith(`${b.sb.baseUrl}/storage/`)).toBe(true)
  })
  afterAll(() => b.close())

  it('an image can reference a previous output', async () => {
    const res = await b.call<ImageStarted>('/images', { json: { prompt: 'same mood, new angle', reference_images: [output] } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await settle(b, res.body.data.generation_id)).status).toBe('succeeded')
    expect(logs.filter((line) => /reference image skipped/.test(line))).toEqual([])
  })

  it('a video can animate a previous output as its source_image', async () => {
    const res = await b.call<VideoStarted>('/videos', { json: { prompt: 'slow push in', duration: 4, source_image: output } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const done = await settle(b, res.body.data.generation_id)
    expect(done.error).toBeNull()
    expect(done.status).toBe('succeeded')
  })

  it('an ad takes a product image as inspiration; a chat takes an output as reference', async () => {
    const ad = await b.call<AdStarted>('/ads', { json: { brief: 'launch ad', product_ids: [product.id], inspiration_image: product.image_url } })
    expect(ad.status, JSON.stringify(ad.body)).toBe(200)
    expect((await settle(b, ad.body.data.generation_id)).status).toBe('succeeded')
    const chat = await b.call<ChatStarted>('/chat', { json: { message: 'generate an image like this', reference_images: [output] } })
    expect(chat.status, JSON.stringify(chat.body)).toBe(200)
    const run = await settleRun(b, chat.body.data.run_id)
    expect(run.status).toBe('succeeded')
    await settle(b, run.generation_ids[0])
    expect(logs.filter((line) => /reference image skipped/.test(line))).toEqual([])
  })

  it('a product can be created from a previous output', async () => {
    const res = await b.call<Product>('/products', { json: { image_url: output, name: 'From a render' } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.data.name).toBe('From a render')
  })

  it('a tampered or unsigned sandbox URL is a 400 that says so', async () => {
    const tampered = new URL(output)
    tampered.searchParams.set('sig', 'x'.repeat(43))
    const unsigned = `${b.sb.baseUrl}${new URL(output).pathname}`
    for (const url of [tampered.href, unsigned]) {
      const res = await b.call('/images', { json: { prompt: 'x', reference_images: [url] } })
      expect(res.status).toBe(400)
      expect(res.body.error).toBe('reference_images is a sandbox media URL with a missing or invalid signature')
    }
    const other = await b.call('/videos', { json: { prompt: 'x', source_image: output.replace('/storage/default/', '/storage/someone/') } })
    expect(other.status).toBe(400)
    expect(other.body.error).toMatch(/source_image is a sandbox media URL with a missing or invalid signature/)
  })

  it('other http URLs, including other loopback ports and non-media paths, stay refused', async () => {
    const port = Number(new URL(b.sb.baseUrl).port)
    for (const url of [`http://127.0.0.1:${port + 1}/storage/default/a.webp`, `${b.sb.baseUrl}/api/v1/credits`, 'http://localhost/storage/a.webp']) {
      const res = await b.call('/images', { json: { prompt: 'x', reference_images: [url] } })
      expect(res.status, url).toBe(400)
      expect(res.body.error).toMatch(/must contain only https URLs/)
    }
    const product = await b.call('/products', { json: { image_url: `http://127.0.0.1:${port + 1}/storage/default/a.webp` } })
    expect(product.status).toBe(400)
    expect(product.body.error).toMatch(/https URL or a data:image/)
  })
})

describe('sandbox media URLs as inputs: expiry and restarts', () => {
  const freshDir = tempDirs('krev-sbx-test-', 'all')

  it('an expired sandbox URL is a 400 that says how to get a fresh one', async () => {
    const short = await boot({ ffmpegPath: null, urlTtlSeconds: 0 })
    try {
      const product = await createProduct(short)
      const res = await short.call('/ads', { json: { brief: 'x', product_ids: [product.id], inspiration_image: product.image_url } })
      expect(res.status).toBe(400)
      expect(res.body.error).toMatch(/^inspiration_image is a sandbox media URL that has expired: read the generation or product again/)
    } finally {
      await short.close()
    }
  })

  it('a queued generation keeps its sandbox reference across a restart (the stored reference does not depend on the port)', async () => {
    const dataDir = await freshDir()
    const first = await boot({ dataDir, ffmpegPath: null, speed: 0.2 })
    const product = await createProduct(first)
    const started = await first.call<VideoStarted>('/videos', { json: { prompt: 'pan', duration: 4, source_image: product.image_url } })
    expect(started.status, JSON.stringify(started.body)).toBe(200)
    await first.close()
    const second = await boot({ dataDir, ffmpegPath: null, speed: 50 })
    try {
      const done = await settle(second, started.body.data.generation_id)
      expect(done.error).toBeNull()
      expect(done.status).toBe('succeeded')
    } finally {
      await second.close()
    }
  })
})
