import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boot, createProduct, download, type Booted } from './helpers'
import type { Envelope } from './wire'

describe('sandbox media: signed URLs and ranges', () => {
  let b: Booted
  let url: URL
  let full: Buffer
  beforeAll(async () => {
    b = await boot()
    const { segmented_image_url: cutOut } = await createProduct(b)
    if (!cutOut) throw new Error('the product upload produced no cut-out')
    url = new URL(cutOut)
    full = (await download(url.href)).data
  })
  afterAll(() => b.close())

  it('serves the file with its type and length', async () => {
    const res = await download(url.href)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(Number(res.headers.get('content-length'))).toBe(res.data.length)
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(url.pathname).toMatch(/^\/storage\/default\/[0-9a-f-]{36}-segmented\.png$/)
  })

  it('answers Range requests with 206 and the exact bytes', async () => {
    const part = await download(url.href, { headers: { range: 'bytes=10-99' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 10-99/${full.length}`)
    expect(part.data.equals(full.subarray(10, 100))).toBe(true)
    const open = await download(url.href, { headers: { range: `bytes=${full.length - 5}-` } })
    expect(open.data.equals(full.subarray(full.length - 5))).toBe(true)
    const suffix = await download(url.href, { headers: { range: 'bytes=-7' } })
    expect(suffix.data.equals(full.subarray(full.length - 7))).toBe(true)
    const beyond = await download(url.href, { headers: { range: `bytes=${full.length}-` } })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${full.length}`)
  })

  it("ignores a malformed or multi-range header and sends the whole file (RFC 9110), as the app's media handler does", async () => {
    for (const range of ['bytes=9-1', 'bytes=0-1,5-6', 'bytes=-', 'items=0-1']) {
      const res = await download(url.href, { headers: { range } })
      expect(res.status, range).toBe(200)
      expect(res.headers.get('content-range'), range).toBeNull()
      expect(res.data.equals(full), range).toBe(true)
    }
  })

  it('HEAD gives the headers without a body', async () => {
    const res = await fetch(url.href, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(Number(res.headers.get('content-length'))).toBe(full.length)
  })

  it('a bad or missing signature is 403 JSON', async () => {
    const tampered = new URL(url.href)
    tampered.searchParams.set('sig', 'A'.repeat(43))
    const res = await fetch(tampered)
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ success: false, error: 'Invalid signature' })
    expect((await fetch(`${b.sb.baseUrl}${url.pathname}`)).status).toBe(403)
    const later = new URL(url.href)
    later.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 1000))
    expect((await fetch(later)).status).toBe(403)
    // The signature covers the path: it does not unlock another file.
    const other = new URL(url.href.replace('-segmented.png', '-original.png'))
    expect((await fetch(other)).status).toBe(403)
  })

  it('an expired URL is 403 JSON', async () => {
    const short = await boot({ urlTtlSeconds: 0 })
    try {
      const product = await createProduct(short)
      const res = await fetch(product.image_url)
      expect(res.status).toBe(403)
      expect(((await res.json()) as Envelope<unknown>).error).toBe('Signed URL has expired')
    } finally {
      await short.close()
    }
  })

  it('paths cannot escape the media directory', async () => {
    const q = url.search
    for (const path of [
      '/storage/default/../state.json',
      '/storage/default/%2e%2e%2fstate.json',
      '/storage/..%2fstate.json/x.png',
      '/storage/default/..%5C..%5Cstate.json',
      '/storage/default/CON.png',
      '/storage/default/a%00.png'
    ]) {
      const res = await fetch(`${b.sb.baseUrl}${path}${q}`)
      expect([403, 404], path).toContain(res.status)
      expect(((await res.json()) as Envelope<unknown>).success).toBe(false)
    }
  })
})
