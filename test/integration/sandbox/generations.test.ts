import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boot, createProduct, download, settle, urls, type Booted } from './helpers'
import type { AdStarted, ImageStarted, VideoStarted } from './wire'

const ratio = (aspect: string) => {
  const [a, b] = aspect.split(':').map(Number)
  return a / b
}

function ffmpegPath(): string | null {
  try {
    return (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path
  } catch {
    return null
  }
}

/** Top-level MP4 boxes in order (ftyp, moov, mdat …). */
function mp4Boxes(data: Buffer): string[] {
  const boxes: string[] = []
  let offset = 0
  while (offset + 8 <= data.length) {
    const size = data.readUInt32BE(offset)
    boxes.push(data.toString('latin1', offset + 4, offset + 8))
    if (size < 8) break
    offset += size
  }
  return boxes
}

describe('sandbox generations', () => {
  let b: Booted
  let productId: string
  beforeAll(async () => {
    b = await boot({ credits: 100_000 })
    productId = (await createProduct(b, 'Night Serum by Lumen')).id
  })
  afterAll(() => b.close())

  it('an image job goes queued → processing (rising progress) → succeeded with real WebPs', async () => {
    const { body } = await b.call<ImageStarted>('/images', { json: { prompt: 'Serum bottle on a spring garden table', aspect_ratio: '16:9', image_count: 2, product_id: productId, preset_id: 'lifestyle' } })
    const seen: Array<{ status: string; progress: number }> = []
    const done = await settle(b, body.data.generation_id, (d) => seen.push({ status: d.status, progress: d.progress }))
    expect(done.status).toBe('succeeded')
    expect(done.progress).toBe(100)
    expect(done.kind).toBe('image')
    expect(done.error).toBeNull()
    const order = ['queued', 'processing', 'succeeded']
    const statuses = seen.map((s) => order.indexOf(s.status))
    expect(statuses).toEqual([...statuses].sort((x, y) => x - y))
    const progress = seen.map((s) => s.progress)
    expect(progress).toEqual([...progress].sort((x, y) => x - y))
    expect(progress.every((p) => p >= 0 && p <= 100)).toBe(true)

    const files = await Promise.all(urls(done).map((u) => download(u)))
    for (const file of files) {
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('image/webp')
      const meta = await sharp(file.data).metadata()
      expect(meta.format).toBe('webp')
      expect(Math.max(meta.width!, meta.height!)).toBeGreaterThanOrEqual(1000)
      expect(meta.width! / meta.height!).toBeCloseTo(ratio('16:9'), 2)
    }
    expect(files[0].data.equals(files[1].data)).toBe(false) // variants differ
  })

  it('renders every image aspect ratio, without products too', async () => {
    const ids: Array<[string, string]> = []
    for (const aspect of ['1:1', '9:16', '4:3', '3:4']) {
      ids.push([aspect, (await b.call<ImageStarted>('/images', { json: { prompt: 'a candle jar, flat lay', aspect_ratio: aspect, preset_id: 'flat_lay' } })).body.data.generation_id])
    }
    for (const [aspect, id] of ids) {
      const done = await settle(b, id)
      const meta = await sharp((await download(urls(done)[0])).data).metadata()
      expect(meta.width! / meta.height!).toBeCloseTo(ratio(aspect), 2)
    }
  })

  it('HD renders at ~4K', async () => {
    const { body } = await b.call<ImageStarted>('/images', { json: { prompt: 'Premium leather wallet', hd: true, product_ids: [productId] } })
    expect(body.data.credits_used).toBe(80)
    const done = await settle(b, body.data.generation_id)
    const meta = await sharp((await download(urls(done)[0])).data).metadata()
    expect(meta.width).toBe(3840)
    expect(meta.height).toBe(3840)
  })

  it('an ad carries its copy and renders at 4:5', async () => {
    const { body } = await b.call<AdStarted>('/ads', { json: { brief: 'Launch ad for our new night serum', product_ids: [productId], image_count: 2 } })
    const copy = body.data.ad_copy
    for (const field of ['style_name', 'hook', 'headline', 'body_copy', 'cta'] as const) expect(copy[field]).toEqual(expect.any(String))
    expect(copy.style_name).toBe('Launch Spotlight')
    expect(`${copy.hook} ${copy.headline} ${copy.body_copy}`).toMatch(/Night Serum|skincare/)
    const done = await settle(b, body.data.generation_id)
    expect(done.kind).toBe('ad')
    expect(urls(done)).toHaveLength(2)
    for (const url of urls(done)) {
      const meta = await sharp((await download(url)).data).metadata()
      expect(meta.width! / meta.height!).toBeCloseTo(0.8, 2)
    }
  })

  it('a video is a real H.264 MP4 with faststart, of the requested aspect and duration', async () => {
    const { body } = await b.call<VideoStarted>('/videos', { json: { prompt: 'Smooth camera pan around sneakers', aspect_ratio: '9:16', duration: 4, product_id: productId } })
    expect(body.data.video_url).toBeNull()
    const done = await settle(b, body.data.generation_id)
    expect(done.status).toBe('succeeded')
    const file = await download(urls(done)[0])
    expect(file.headers.get('content-type')).toBe('video/mp4')
    const boxes = mp4Boxes(file.data)
    expect(boxes[0]).toBe('ftyp')
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'))
    const ffmpeg = ffmpegPath()
    if (ffmpeg) {
      // `ffmpeg -i` with no output exits 1 and prints the stream info on stderr.
      const info = await promisify(execFile)(ffmpeg, ['-hide_banner', '-i', urls(done)[0]]).catch((e: { stderr: string }) => e)
      expect(info.stderr).toMatch(/Duration: 00:00:04\.0/)
      expect(info.stderr).toMatch(/h264.*yuv420p.*270x480/)
    }
  })

  it('without ffmpeg a video falls back to an animated WebP and says so', async () => {
    const nf = await boot({ ffmpegPath: null })
    try {
      const { body } = await nf.call<VideoStarted>('/videos', { json: { prompt: 'a slow pan', aspect_ratio: '1:1', duration: 4 } })
      const done = await settle(nf, body.data.generation_id)
      expect(done.status).toBe('succeeded')
      expect(done.notice).toMatch(/animated WebP/)
      const meta = await sharp((await download(urls(done)[0])).data, { animated: true }).metadata()
      expect(meta.format).toBe('webp')
      expect(meta.pages).toBeGreaterThan(1)
      expect(meta.width).toBe(meta.pageHeight)
    } finally {
      await nf.close()
    }
  })

  it('each GET signs the URLs afresh with the configured lifetime', async () => {
    const { body } = await b.call<ImageStarted>('/images', { json: { prompt: 'fresh urls' } })
    const done = await settle(b, body.data.generation_id)
    const exp = Number(new URL(urls(done)[0]).searchParams.get('exp'))
    const now = Date.now() / 1000
    expect(exp).toBeGreaterThan(now + 3500)
    expect(exp).toBeLessThanOrEqual(Math.ceil(now) + 3600)
  })
})
