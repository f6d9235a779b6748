import { deflateSync, crc32 } from 'node:zlib'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AppError } from '../../../src-main/core/app-error'
import { inProcessMediaOps } from '../../../src-main/media-worker/in-process'
import type { ImageVerdict, MediaOps } from '../../../src-main/media-worker/media-ops'
import { checkPhotoUrl, checkProductPhoto, decodeBase64Photo } from '../../../src-main/products/check-photo'

const mediaOps = inProcessMediaOps()

/**
 * Product photos are refused before upload when they are empty, damaged, cut short, not
 * what their name or type says, SVG/GIF/HEIC, a decompression bomb, or over 20 MB.
 * Every fixture is made here with sharp (or by hand, for headers sharp won't write).
 */

let jpg: Buffer
let png: Buffer
let webp: Buffer
let gif: Buffer

beforeAll(async () => {
  // Noise so the files have real entropy-coded data past the header (truncation shows).
  const noisy = sharp({
    create: { width: 320, height: 240, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } }
  })
  const raw = await noisy.png().toBuffer()
  jpg = await sharp(raw).jpeg().toBuffer()
  png = await sharp(raw).png().toBuffer()
  webp = await sharp(raw).webp().toBuffer()
  gif = await sharp(raw).gif().toBuffer()
})

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

/** A few hundred bytes whose IHDR claims 10000 × 6000 (60 MP): a decompression bomb. */
function bombPng(width = 10_000, height = 6_000): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  const rows = deflateSync(Buffer.alloc((1 + width * 3) * 4))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0))
  ])
}

const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic'), Buffer.alloc(32)])
const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><circle r="40"/></svg>')

async function refusal(data: Buffer, fileName: string, mimeType = ''): Promise<AppError> {
  try {
    await checkProductPhoto(data, { fileName, mimeType }, mediaOps)
  } catch (e) {
    return e as AppError
  }
  throw new Error(`${fileName} was accepted`)
}

describe('checkProductPhoto', () => {
  it('accepts real JPG, PNG and WebP photos', async () => {
    expect(await checkProductPhoto(jpg, { fileName: 'bag.jpg', mimeType: 'image/jpeg' }, mediaOps)).toMatchObject({ mime: 'image/jpeg', width: 320, height: 240 })
    expect(await checkProductPhoto(jpg, { fileName: 'bag.JPEG', mimeType: '' }, mediaOps)).toMatchObject({ mime: 'image/jpeg' })
    expect(await checkProductPhoto(png, { fileName: 'bag.png', mimeType: 'image/png' }, mediaOps)).toMatchObject({ mime: 'image/png' })
    expect(await checkProductPhoto(webp, { fileName: 'bag.webp', mimeType: 'image/webp' }, mediaOps)).toMatchObject({ mime: 'image/webp' })
    // No extension and an unhelpful type: the bytes decide.
    expect(await checkProductPhoto(png, { fileName: 'photo', mimeType: 'application/octet-stream' }, mediaOps)).toMatchObject({ mime: 'image/png' })
  })

  it('refuses an empty file', async () => {
    const err = await refusal(Buffer.alloc(0), 'empty.jpg', 'image/jpeg')
    expect(err.code).toBe('invalid_input')
    expect(err.message).toBe('This file is empty.')
  })

  it.each([
    ['JPG', () => jpg, 'cut.jpg'],
    ['PNG', () => png, 'cut.png'],
    ['WebP', () => webp, 'cut.webp']
  ])('refuses a truncated %s', async (label, data, name) => {
    const full = data()
    const err = await refusal(full.subarray(0, Math.floor(full.length * 0.6)), name)
    expect(err.code).toBe('invalid_input')
    expect(err.message).toMatch(new RegExp(`This ${label} is (incomplete or damaged|damaged)`))
  })

  it('refuses a file that is only a header', async () => {
    expect((await refusal(jpg.subarray(0, 20), 'head.jpg')).message).toMatch(/damaged/)
  })

  it('refuses SVG, GIF and HEIC with a way out', async () => {
    expect((await refusal(svg, 'logo.svg', 'image/svg+xml')).message).toMatch(/^SVG drawings can’t be used.*Export it as JPG or PNG/)
    expect((await refusal(svg, 'logo.png', 'image/png')).message).toMatch(/^SVG/)
    expect((await refusal(gif, 'anim.gif', 'image/gif')).message).toMatch(/^GIF images aren’t supported/)
    expect((await refusal(heic, 'IMG_0001.HEIC', 'image/heic')).message).toMatch(/^HEIC photos \(the iPhone format\)/)
  })

  it('refuses a web page or any other file', async () => {
    expect((await refusal(Buffer.from('<!DOCTYPE html><html><body>Not found</body></html>'), 'bag.jpg')).message).toMatch(/web page/)
    expect((await refusal(Buffer.from('%PDF-1.7 ...'), 'bag.pdf')).message).toMatch(/isn’t a photo Krev can use/)
  })

  it('refuses a PNG named .jpg, and a type that contradicts the bytes', async () => {
    const named = await refusal(png, 'bag.jpg', 'image/jpeg')
    expect(named.code).toBe('invalid_input')
    expect(named.message).toBe('This file is named .jpg but is really a PNG image. Rename it to .png and try again.')
    const typed = await refusal(jpg, 'bag', 'image/webp')
    expect(typed.message).toMatch(/says it is a WebP image but is really a JPG/)
  })

  it('refuses a 60-megapixel decompression bomb from its header, without decoding it', async () => {
    const bomb = bombPng()
    expect(bomb.length).toBeLessThan(2_000)
    // The cause, not the clock: the worker's verdict is the header's (too_many_pixels is
    // answered before any pixel is decoded), and nothing else was asked of the worker.
    const verdicts: ImageVerdict[] = []
    const asked: string[] = []
    const recording: MediaOps = {
      imageInfo: (...a) => (asked.push('imageInfo'), mediaOps.imageInfo(...a)),
      thumbnail: (...a) => (asked.push('thumbnail'), mediaOps.thumbnail(...a)),
      verifyImage: async (...a) => {
        asked.push('verifyImage')
        const verdict = await mediaOps.verifyImage(...a)
        verdicts.push(verdict)
        return verdict
      }
    }
    const err = await checkProductPhoto(bomb, { fileName: 'bomb.png', mimeType: 'image/png' }, recording).then(
      () => Promise.reject(new Error('the bomb was accepted')),
      (e: AppError) => e
    )
    expect(err.code).toBe('invalid_input')
    expect(err.message).toBe('This image is 10000 × 6000 pixels (60 megapixels); the limit is 50 megapixels. Resize it and try again.')
    expect(asked).toEqual(['verifyImage'])
    expect(verdicts).toMatchObject([{ ok: false, problem: 'too_many_pixels', info: { width: 10000, height: 6000 } }])
  })

  it('refuses a photo over 20 MB before looking inside', async () => {
    const big = Buffer.concat([jpg, Buffer.alloc(20 * 1024 * 1024)])
    const err = await refusal(big, 'huge.jpg', 'image/jpeg')
    expect(err.code).toBe('payload_too_large')
    expect(err.retryable).toBe(false)
    expect(err.message).toMatch(/the limit is 20 MB/)
  })
})

describe('decodeBase64Photo and checkPhotoUrl', () => {
  it('decodes clean base64 only', () => {
    expect(decodeBase64Photo(png.toString('base64')).equals(png)).toBe(true)
    expect(() => decodeBase64Photo('not base64!')).toThrow(/could not be read/)
    expect(() => decodeBase64Photo('abc')).toThrow(/could not be read/)
  })

  it('refuses links that name a refused type', () => {
    expect(() => checkPhotoUrl('https://cdn.example.com/logo.svg')).toThrow(/^SVG/)
    expect(() => checkPhotoUrl('https://cdn.example.com/IMG.heic?x=1')).toThrow(/HEIC/)
    expect(() => checkPhotoUrl('https://cdn.example.com/bag.jpg')).not.toThrow()
    expect(() => checkPhotoUrl('https://cdn.example.com/products/42')).not.toThrow()
  })
})
