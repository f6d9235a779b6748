import { accessSync, constants, existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { locateFfmpeg } from '../../../src-main/core/locate-ffmpeg'
import type { QueueFeature } from '../../../src-main/queue/create-queue'
import { createTanBag } from '../support/sample-product'
import { startSandboxHarness, type SandboxHarness } from '../support/sandbox-harness'
import { testQueue } from '../support/test-queue'

/**
 * The library filled by real sandbox jobs: an ad keeps its copy, a video lands as a video
 * asset with a WebP poster, export copies files under safe names, delete removes the files.
 */

/** The bundled ffmpeg, when installed: the sandbox encodes real MP4s and the library makes posters with it. */
function usableFfmpeg(): string | null {
  try {
    const path = locateFfmpeg()
    if (path) accessSync(path, constants.X_OK)
    return path
  } catch {
    return null
  }
}
const ffmpeg = usableFfmpeg()

const KEY = `sk_live_${'L'.repeat(16)}${'3'.repeat(16)}`
const ctx = { transport: 'test' as const }
let h: SandboxHarness
let exportDir: string
let feature: QueueFeature
let productId: string
const revealed: string[] = []

beforeAll(async () => {
  h = await startSandboxHarness('lib', { key: KEY, ffmpegPath: ffmpeg })
  exportDir = await mkdtemp(join(tmpdir(), 'krev-lib-export-'))
  productId = await createTanBag(h.client)
  feature = testQueue(h.dataDir, h.client, {
    settings: { get: () => ({ pollConcurrency: 4, downloadConcurrency: 3 }) },
    host: { reveal: (p) => void revealed.push(p), chooseExportFolder: async () => exportDir }
  })
  await feature.resume()
})

afterAll(async () => {
  feature?.dispose()
  await h?.close()
  if (exportDir) await rm(exportDir, { recursive: true, force: true })
})

describe('library against the sandbox', () => {
  it('an ad keeps its copy; a video lands as a video asset; filters find them', async () => {
    await feature.handlers['generation.submit'](
      { kind: 'ad', params: { brief: 'Direct response ad for a tan bag', productIds: [productId], aspectRatio: '4:5', imageCount: 1 } },
      ctx
    )
    await feature.handlers['generation.submit'](
      { kind: 'video', params: { prompt: 'Slow pan around the bag', aspectRatio: '9:16', duration: 4, audioMode: 'off', productId } },
      ctx
    )
    await feature.idle()
    const ads = await feature.handlers['library.list']({ kind: 'ad', sort: 'newest', limit: 60 }, ctx)
    expect(ads.items).toHaveLength(1)
    expect(ads.items[0]!.adCopy?.headline).toEqual(expect.any(String))
    expect(ads.items[0]!.productIds).toEqual([productId])
    const videos = await feature.handlers['library.list']({ kind: 'video', sort: 'newest', limit: 60 }, ctx)
    expect(videos.items).toHaveLength(1)
    expect(videos.items[0]).toMatchObject({ durationSec: 4, prompt: 'Slow pan around the bag' })
    if (ffmpeg) {
      // A real MP4 (480 px long side): a WebP poster, and the size ffmpeg read, not a nominal one.
      const v = videos.items[0]!
      expect(v).toMatchObject({ mimeType: 'video/mp4', width: 270, height: 480, thumbUrl: `/__krev/media/sandbox/library/${v.id}/thumb` })
      const thumb = join(h.dataDir, 'media', 'sandbox', 'library', `${v.id}.thumb.webp`)
      expect(await sharp(thumb).metadata()).toMatchObject({ format: 'webp', width: 270, height: 480 })
    } else console.warn('library-sandbox: ffmpeg not installed, the sandbox video is an animated WebP and has no poster to check')
    expect((await feature.handlers['library.list']({ productId, sort: 'newest', limit: 60 }, ctx)).total).toBe(2)
    expect((await feature.handlers['library.list']({ search: 'pan around', sort: 'newest', limit: 60 }, ctx)).total).toBe(1)
  })

  it('export copies with safe names; reveal and delete work on the real files', async () => {
    const all = await feature.handlers['library.list']({ sort: 'newest', limit: 60 }, ctx)
    const ids = all.items.map((a) => a.id)
    expect(await feature.handlers['library.export']({ ids }, ctx)).toEqual({ exported: 2, folder: exportDir })
    for (const name of readdirSync(exportDir)) expect(name).toMatch(/^krev-(ad|video)-\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.(webp|png|jpg|mp4)$/)
    expect(await feature.handlers['library.reveal']({ id: ids[0]! }, ctx)).toEqual({ revealed: true })
    expect(existsSync(revealed[0]!)).toBe(true)
    expect(await feature.handlers['library.delete']({ ids: [ids[0]!] }, ctx)).toEqual({ deleted: 1, failed: [], trash: 'folder' })
    expect(existsSync(revealed[0]!)).toBe(false)
    expect((await feature.handlers['library.list']({ sort: 'newest', limit: 60 }, ctx)).total).toBe(1)
  })
})
