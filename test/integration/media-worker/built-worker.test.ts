import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { MediaWorkerClient } from '../../../src-main/media-worker/client'
import { spawnNodeWorker } from '../../../src-main/media-worker/node-spawner'

/** The production bundle's worker (what the app hands to utilityProcess.fork), run under Node. */
const BUILT = fileURLToPath(new URL('../../../out/main/media-worker.js', import.meta.url))
const PHOTO = fileURLToPath(new URL('../../fixtures/product.jpg', import.meta.url))

let client: MediaWorkerClient | null = null
afterEach(() => client?.dispose())

describe('built media worker (out/main/media-worker.js)', () => {
  it('is built, and loads sharp only through load-sharp (never a static import, so the build can be chosen)', () => {
    expect(existsSync(BUILT), 'run `npx electron-vite build` first').toBe(true)
    const text = readFileSync(BUILT, 'utf8')
    expect(text).not.toMatch(/^import [^;]*from\s*["']sharp["']/m)
    expect(text).toMatch(/load-sharp/)
  })

  it('answers a real WebP thumbnail, with the native build and the forced wasm one', async () => {
    for (const build of ['native', 'wasm'] as const) {
      client = new MediaWorkerClient({ spawn: spawnNodeWorker, entryPath: BUILT, env: { KREV_SHARP_BUILD: build } })
      const thumb = await client.ops.thumbnail(PHOTO, 256, { maxPixels: 1e8 })
      expect(client.worker.sharpBuild).toBe(build)
      const meta = await sharp(Buffer.from(thumb.webp)).metadata()
      expect({ format: meta.format, long: Math.max(meta.width ?? 0, meta.height ?? 0) }).toEqual({ format: 'webp', long: 256 })
      client.dispose()
    }
  })
})
