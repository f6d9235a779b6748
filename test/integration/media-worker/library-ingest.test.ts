import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newAsset } from '../../unit/library/new-asset'
import { openTestLibrary } from '../../unit/library/open-library'
import { MediaWorkerClient } from '../../../src-main/media-worker/client'
import type { MediaOps } from '../../../src-main/media-worker/media-ops'
import { spawnNodeWorker } from '../../../src-main/media-worker/node-spawner'
import { crashOnFirstThumbnail } from './crash-on-thumbnail'

const ENTRY = fileURLToPath(new URL('../../../src-main/media-worker/entry.ts', import.meta.url))

let dir: string
let worker: MediaWorkerClient
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-ingest-'))
  worker = new MediaWorkerClient({ spawn: spawnNodeWorker, entryPath: ENTRY })
})
afterEach(async () => {
  worker.dispose()
  await rm(dir, { recursive: true, force: true })
})

const asset = (id: string) => newAsset(id, { jobId: 'job_1' })

function library(mediaOps: MediaOps) {
  return openTestLibrary(dir, { mediaOps })
}

describe('library ingest through the media worker', () => {
  it('a worker crash mid-thumbnail fails the add as retryable worker_crashed, saves nothing, and the retry succeeds', async () => {
    const png = await sharp({ create: { width: 800, height: 1200, channels: 3, background: '#884422' } }).png().toBuffer()
    const crashing = crashOnFirstThumbnail(worker)
    const lib = library(crashing)
    await worker.ops.imageInfo(png, { maxPixels: 1e8 }) // started, so there is a pid to kill
    const error = await lib.add('sandbox', asset('a_1'), png).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'worker_crashed', retryable: true })
    expect(await lib.has('sandbox', 'a_1')).toBe(false)
    const files = await readdir(dir, { recursive: true }).catch(() => [])
    expect(files.filter((f) => /a_1|- a1\./.test(String(f)))).toEqual([])

    const saved = await lib.add('sandbox', asset('a_1'), png)
    expect(saved).toMatchObject({ width: 800, height: 1200, mimeType: 'image/png' })
    expect(saved.thumbUrl).toMatch(/thumb/)
  })
})
