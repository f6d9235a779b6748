import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MediaWorkerClient } from '../../../src-main/media-worker/client'
import { spawnNodeWorker } from '../../../src-main/media-worker/node-spawner'
import { checkProductPhoto } from '../../../src-main/products/check-photo'
import { makeThumbnail } from '../../../src-main/products/product-media'
import { crashOnFirst } from './crash-on-thumbnail'

const ENTRY = fileURLToPath(new URL('../../../src-main/media-worker/entry.ts', import.meta.url))
const claimed = { fileName: 'bag.jpg', mimeType: 'image/jpeg' }

let worker: MediaWorkerClient
beforeEach(() => {
  worker = new MediaWorkerClient({ spawn: spawnNodeWorker, entryPath: ENTRY })
})
afterEach(() => worker.dispose())

const photo = () => sharp({ create: { width: 900, height: 600, channels: 3, background: '#335577' } }).jpeg().toBuffer()

describe('product photos through the media worker', () => {
  it('a worker crash during the check is a clear retryable error (not “damaged”), and the next check works', async () => {
    const jpg = await photo()
    await worker.ops.imageInfo(jpg, { maxPixels: 1e8 }) // started, so there is a pid to kill
    const crashedPid = worker.worker.pid
    const error = await checkProductPhoto(jpg, claimed, crashOnFirst(worker, 'verifyImage')).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'worker_crashed', retryable: true })
    expect((error as Error).message).toMatch(/add it again/)
    expect((error as Error).message).not.toMatch(/damaged/)

    expect(await checkProductPhoto(jpg, claimed, worker.ops)).toEqual({ mime: 'image/jpeg', label: 'JPG', width: 900, height: 600 })
    expect(worker.worker.pid).not.toBe(crashedPid)
  })

  it('refuses a truncated photo and a decompression bomb from the worker’s verdict', async () => {
    const jpg = await photo()
    const cut = jpg.subarray(0, Math.floor(jpg.length * 0.6))
    await expect(checkProductPhoto(cut, claimed, worker.ops)).rejects.toMatchObject({ code: 'invalid_input', message: /incomplete or damaged/ })
    const bomb = await sharp({ create: { width: 8000, height: 7000, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer()
    await expect(checkProductPhoto(bomb, { fileName: 'big.png', mimeType: 'image/png' }, worker.ops)).rejects.toMatchObject({
      message: /8000 × 7000 pixels \(56 megapixels\)/
    })
  })

  it('makes the product card thumbnail in the worker: alpha kept, at most 512 px', async () => {
    const cutout = await sharp({ create: { width: 1600, height: 1000, channels: 4, background: { r: 200, g: 10, b: 10, alpha: 0.5 } } })
      .png()
      .toBuffer()
    const thumb = await makeThumbnail(worker.ops, cutout)
    const meta = await sharp(thumb).metadata()
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 320, hasAlpha: true })
  })
})
