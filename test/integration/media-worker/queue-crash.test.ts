import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MediaWorkerClient } from '../../../src-main/media-worker/client'
import { spawnNodeWorker } from '../../../src-main/media-worker/node-spawner'
import { crashOnFirstThumbnail } from './crash-on-thumbnail'
import type { QueueFeature } from '../../../src-main/queue/create-queue'
import { startSandboxHarness, type SandboxHarness } from '../support/sandbox-harness'
import { testQueue } from '../support/test-queue'

/** A real sandbox job whose download lands while the media worker is killed: the job fails with a retry, and the retry saves it. */

const ENTRY = fileURLToPath(new URL('../../../src-main/media-worker/entry.ts', import.meta.url))
const KEY = `sk_live_${'W'.repeat(16)}${'7'.repeat(16)}`
const ctx = { transport: 'test' as const }
let h: SandboxHarness
let worker: MediaWorkerClient
let feature: QueueFeature

beforeAll(async () => {
  h = await startSandboxHarness('crash', { key: KEY })
  worker = new MediaWorkerClient({ spawn: spawnNodeWorker, entryPath: ENTRY })
  await worker.ops.imageInfo(fileURLToPath(new URL('../../fixtures/product.jpg', import.meta.url)), { maxPixels: 1e8 })
  const crashing = crashOnFirstThumbnail(worker)
  feature = testQueue(h.dataDir, h.client, { ffmpegPath: null, mediaOps: crashing })
  await feature.resume()
})

afterAll(async () => {
  feature?.dispose()
  worker?.dispose()
  await h?.close()
})

describe('a media worker crash during ingest', () => {
  it('fails the job with a retry (nothing saved), and the retry lands it on a restarted worker', async () => {
    const firstPid = worker.worker.pid
    const job = await feature.handlers['generation.submit'](
      { kind: 'image', params: { prompt: 'Tan bag on linen', aspectRatio: '1:1', hd: false, imageCount: 1 } },
      ctx
    )
    await feature.idle()
    const failed = (await feature.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === job.id)
    expect(failed).toMatchObject({ status: 'failed', error: { retryable: true } })
    expect((await feature.handlers['library.list']({ sort: 'newest', limit: 60 }, ctx)).total).toBe(0)

    await feature.handlers['queue.retry']({ jobId: job.id }, ctx)
    await feature.idle()
    const done = (await feature.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === job.id)
    expect(done).toMatchObject({ status: 'succeeded' })
    expect((await feature.handlers['library.list']({ sort: 'newest', limit: 60 }, ctx)).total).toBe(1)
    expect(worker.worker.pid).not.toBe(firstPid)
  })
})
