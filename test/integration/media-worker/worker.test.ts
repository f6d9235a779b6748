import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../../src-main/core/app-error'
import { MediaWorkerClient } from '../../../src-main/media-worker/client'
import { spawnNodeWorker } from '../../../src-main/media-worker/node-spawner'

/** The real worker process (the .ts entry under tsx, as the built one runs under Electron). */
const ENTRY = fileURLToPath(new URL('../../../src-main/media-worker/entry.ts', import.meta.url))
const PHOTO = fileURLToPath(new URL('../../fixtures/product.jpg', import.meta.url))
const LIMITS = { maxPixels: 100_000_000 }

const clients: MediaWorkerClient[] = []
function client(env: Record<string, string> = {}): MediaWorkerClient {
  const c = new MediaWorkerClient({ spawn: spawnNodeWorker, entryPath: ENTRY, env })
  clients.push(c)
  return c
}
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose()
})

async function expectWebpThumb(webp: Uint8Array, longSide: number): Promise<void> {
  const bytes = Buffer.from(webp)
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF')
  expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP')
  const meta = await sharp(bytes).metadata()
  expect(meta.format).toBe('webp')
  expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(longSide)
}

describe('media worker process', () => {
  it('makes a real 512 px WebP thumbnail from a file path and from bytes', async () => {
    const worker = client()
    const original = await sharp(PHOTO).metadata()
    const fromPath = await worker.ops.thumbnail(PHOTO, 512, LIMITS)
    expect({ width: fromPath.width, height: fromPath.height, format: fromPath.format }).toEqual({
      width: original.width,
      height: original.height,
      format: 'jpeg'
    })
    await expectWebpThumb(fromPath.webp, 512)
    const fromBytes = await worker.ops.thumbnail(new Uint8Array(await readFile(PHOTO)), 512, LIMITS)
    await expectWebpThumb(fromBytes.webp, 512)
    expect(worker.worker.sharpBuild).toBe('native')
  })

  it('passes a decode failure back as an error, and keeps serving', async () => {
    const worker = client()
    await expect(worker.ops.imageInfo(new Uint8Array(Buffer.from('not an image')), LIMITS)).rejects.toThrow(/unsupported image format/i)
    const pid = worker.worker.pid
    await expect(worker.ops.imageInfo(PHOTO, LIMITS)).resolves.toMatchObject({ format: 'jpeg' })
    expect(worker.worker.pid).toBe(pid)
  })

  it('a kill -9 mid-call rejects that call as retryable worker_crashed; the next call runs on a new worker', async () => {
    const worker = client()
    await worker.ops.imageInfo(PHOTO, LIMITS)
    const firstPid = worker.worker.pid
    expect(firstPid).toBeTypeOf('number')
    // A 3840 px encode is in flight (sent, not answered) when the process is killed.
    const enlarged = await sharp(PHOTO).resize(3840, 3840, { fit: 'inside' }).png().toBuffer()
    const inFlight = worker.ops.thumbnail(new Uint8Array(enlarged), 3840, LIMITS)
    process.kill(firstPid as number, 'SIGKILL')
    const error = await inFlight.catch((e: unknown) => e)
    expect(isAppError(error) && { code: error.code, retryable: error.retryable }).toEqual({ code: 'worker_crashed', retryable: true })
    const again = await worker.ops.thumbnail(PHOTO, 512, LIMITS)
    await expectWebpThumb(again.webp, 512)
    expect(worker.worker.pid).not.toBe(firstPid)
  })

  it('with KREV_SHARP_BUILD=wasm (the Electron-on-Linux rule) runs sharp\'s WebAssembly build and makes the same thumbnail', async () => {
    const worker = client({ KREV_SHARP_BUILD: 'wasm' })
    const thumb = await worker.ops.thumbnail(PHOTO, 512, LIMITS)
    expect(worker.worker.sharpBuild).toBe('wasm')
    await expectWebpThumb(thumb.webp, 512)
  })
})
