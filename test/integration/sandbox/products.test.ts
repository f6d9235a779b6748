import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRODUCT_JSON_LIMIT } from '../../../src-main/sandbox/http'
import { boot, bottlePng, dataUrl, download, type Booted } from './helpers'
import type { Envelope, Product } from './wire'

describe('sandbox products', () => {
  let b: Booted
  let bottle: Buffer
  const remote = new Map<string, Buffer>()
  beforeAll(async () => {
    bottle = await bottlePng()
    remote.set('https://cdn.example.com/images/tan-leather-wallet.jpg', await sharp({ create: { width: 900, height: 600, channels: 3, background: '#f4f4f4' } })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="360"><rect width="600" height="360" rx="30" fill="#d2b48c"/></svg>'), left: 150, top: 120 }])
      .jpeg()
      .toBuffer())
    b = await boot({
      fetchRemote: async (url) => {
        const data = remote.get(url)
        if (!data) throw new Error('404 from origin')
        return data
      }
    })
  })
  afterAll(() => b.close())

  it('data URL upload: background removed, trimmed, colours, metadata, auto name', async () => {
    const { status, body } = await b.call<Product>('/products', { json: { image_url: dataUrl(bottle) } })
    expect(status).toBe(200)
    const p = body.data
    expect(p.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(p.source).toBe('api')
    expect(p.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(p.metadata.colors).toEqual(expect.arrayContaining(['black', 'gold']))
    expect(p.metadata.colors).not.toContain('white') // the backdrop is gone
    expect(p.metadata.productType).toBe('bottle') // tall cut-out, no words to go on
    expect(p.name).toBe('Black & Gold Bottle')
    const cutOut = p.segmented_image_url
    if (!cutOut) throw new Error('no cut-out')
    const cut = await sharp((await download(cutOut)).data).metadata()
    expect(cut.hasAlpha).toBe(true)
    expect(cut.width).toBeLessThan(300) // trimmed to the bottle (0.3 of 600 + padding)
    const { data, info } = await sharp((await download(cutOut)).data).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
    expect(data[3]).toBe(0) // top-left corner is transparent
    expect(data[(Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * 4 + 3]).toBe(255)
    const original = await download(p.image_url)
    expect(original.data.equals(bottle)).toBe(true)
  })

  it('name with "by" gives brand and product name; words give type, category and materials', async () => {
    const { body } = await b.call<Product>('/products', { json: { image_url: dataUrl(bottle), name: 'Day Shift Supplement by Vysionary' } })
    expect(body.data.name).toBe('Day Shift Supplement by Vysionary')
    expect(body.data.metadata).toMatchObject({ brandName: 'Vysionary', productName: 'Day Shift Supplement', productType: 'supplement', materials: ['plastic bottle'] })
    expect(body.data.category).toBe('health')
  })

  it('multipart upload with a file field and a name', async () => {
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(await sharp(bottle).jpeg().toBuffer())], { type: 'image/jpeg' }), 'product.jpg')
    form.set('name', 'Premium Leather Wallet')
    const res = await b.api('/products', { method: 'POST', body: form })
    const body = (await res.json()) as Envelope<Product>
    expect(res.status, JSON.stringify(body)).toBe(200)
    expect(body.data.name).toBe('Premium Leather Wallet')
    expect(body.data.metadata).toMatchObject({ productType: 'wallet', materials: ['leather'] })
    expect(body.data.category).toBe('accessories')
    expect(new URL(body.data.image_url).pathname).toMatch(/-original\.jpg$/)
  })

  it('https image_url is fetched through fetchRemote; skip_segmentation keeps it whole', async () => {
    const url = 'https://cdn.example.com/images/tan-leather-wallet.jpg'
    const { body } = await b.call<Product>('/products', { json: { image_url: url, skip_segmentation: true } })
    expect(body.data.segmented_image_url).toBeNull()
    expect(body.data.metadata.productType).toBe('wallet') // from the file name
    expect(body.data.name).toBe('Tan Leather Wallet')
    const seg = await b.call<Product>('/products', { json: { image_url: url } })
    expect(seg.body.data.metadata.colors?.[0]).toBe('tan')
    const failed = await b.call<Product>('/products', { json: { image_url: 'https://cdn.example.com/missing.jpg' } })
    expect(failed.status).toBe(400)
    expect(failed.body.error).toMatch(/Could not fetch image_url/)
  })

  it('rejects SVG, GIF, empty, truncated, mislabelled and bomb images with 400', async () => {
    const gif = await sharp(bottle).gif().toBuffer()
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
    const png = await sharp(bottle).png().toBuffer()
    const bomb = await sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer()
    const cases: Array<[string, string, RegExp]> = [
      ['svg', dataUrl(svg, 'image/svg+xml'), /Unsupported image type/],
      ['svg claiming png', dataUrl(svg, 'image/png'), /Unsupported image type/],
      ['gif', dataUrl(gif, 'image/gif'), /Unsupported image type/],
      ['text claiming jpeg', dataUrl(Buffer.from('hello world'), 'image/jpeg'), /Unsupported image type/],
      ['empty', 'data:image/png;base64,', /empty/],
      ['truncated png', dataUrl(png.subarray(0, Math.floor(png.length / 2))), /could not be decoded/],
      ['bomb', dataUrl(bomb), /50 megapixel/]
    ]
    for (const [name, imageUrl, message] of cases) {
      const res = await b.call<Product>('/products', { json: { image_url: imageUrl } })
      expect(res.status, name).toBe(400)
      expect(res.body.error, name).toMatch(message)
    }
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(svg)], { type: 'image/png' }), 'trick.png')
    const res = await b.api('/products', { method: 'POST', body: form })
    expect(res.status).toBe(400)
  })

  it('uploads over 20 MB are 413', async () => {
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(21 * 1024 * 1024)], { type: 'image/png' }), 'big.png')
    const res = await b.api('/products', { method: 'POST', body: form })
    expect(res.status).toBe(413)
    expect(((await res.json()) as Envelope<unknown>).error).toMatch(/20 MB/)
  })

  it('a ~2 MB image as a data URL uploads: the 1 MB JSON cap does not apply to products', async () => {
    // Random noise, so PNG cannot compress it below the old cap.
    const [width, height] = [1000, 700]
    const noise = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).png().toBuffer()
    expect(noise.length).toBeGreaterThan(2 * 1000 * 1000)
    const res = await b.call<Product>('/products', { json: { image_url: dataUrl(noise), name: 'Static Noise Print' } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.data.name).toBe('Static Noise Print')
    expect((await download(res.body.data.image_url)).data.equals(noise)).toBe(true)
    // Every other JSON route keeps the 1 MB cap.
    const images = await b.call('/images', { json: { prompt: 'x', reference_images: [dataUrl(noise)] } })
    expect(images.status).toBe(413)
    expect(images.body.error).toBe('Request body too large: the maximum is 1 MB')
  })

  it('product JSON beyond what a 20 MB image needs in base64 is 413, as is a data URL over 20 MB', async () => {
    const tooBig = await b.call('/products', { json: { image_url: `data:image/png;base64,${'A'.repeat(PRODUCT_JSON_LIMIT)}` } })
    expect(tooBig.status).toBe(413)
    expect(tooBig.body.error).toBe('Upload too large: the maximum is 20 MB')
    // Fits the body cap, but decodes to just over 20 MB.
    const overImage = await b.call('/products', { json: { image_url: `data:image/png;base64,${'A'.repeat(Math.ceil((20 * 1024 * 1024 + 3072) / 3) * 4)}` } })
    expect(overImage.status).toBe(413)
    expect(overImage.body.error).toMatch(/20 MB/)
  })

  it('lists newest first with meta.count and limit; ?id= returns one', async () => {
    const a = (await b.call<Product>('/products', { json: { image_url: dataUrl(bottle), name: 'First' } })).body.data
    const c = (await b.call<Product>('/products', { json: { image_url: dataUrl(bottle), name: 'Second' } })).body.data
    const list = await b.call<Product[]>('/products?limit=2')
    expect(list.body.data.map((p) => p.id)).toEqual([c.id, a.id])
    expect(list.body.meta).toEqual({ count: 2 })
    const all = await b.call<Product[]>('/products')
    expect(all.body.meta?.count).toBe(all.body.data.length)
    const one = await b.call<Product>(`/products?id=${a.id}`)
    expect(one.body.data).toMatchObject({ id: a.id, name: 'First' })
    expect((await download(one.body.data.image_url)).status).toBe(200)
  })
})
