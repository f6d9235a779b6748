import { readdirSync } from 'node:fs'
import { dirname } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Asset, EventName, Job } from '../../../src-preload/contract'
import { defaultSleep } from '../../../src-main/krev/retry'
import type { QueueFeature } from '../../../src-main/queue/create-queue'
import type { Sleep } from '../../../src-main/queue/generation-poller'
import { waitFor } from '../../support/wait-for'
import { startSandboxHarness, type SandboxHarness } from '../support/sandbox-harness'
import { queueInstances } from '../support/sandbox-queue'
import { strictBus } from '../support/test-chat'

/**
 * The queue against the real sandbox over real HTTP with the real client: an image job end
 * to end, a refunded 500, 402s that hold only the jobs the balance can't cover, a reset after the POST (charged once, one job), a
 * download cut at 60 %, and a restart in the middle of polling.
 */

const KEY = `sk_live_${'Q'.repeat(16)}${'7'.repeat(16)}`
const SPEED = 100
const ctx = { transport: 'test' as const }
let h: SandboxHarness
const events: { name: EventName; payload: unknown }[] = []
const queues = queueInstances()
// Waits run 10× faster than in the app; any faster and the polls alone would drain the
// sandbox's per-user rate limit, turning later POSTs into 429s.
const scaled: Sleep = (ms, signal) => defaultSleep(ms / 10, signal)

/** One instance at a time on the data folder, as in the app: the previous one is stopped first. */
function open(sleep: Sleep = scaled): QueueFeature {
  const bus = strictBus()
  bus.subscribe((name, payload) => events.push({ name, payload }))
  return queues.open(h.dataDir, h.client, { bus, settings: { get: () => ({ pollConcurrency: 4, downloadConcurrency: 3 }) }, sleep })
}

const balance = async () => (await h.client.credits()).credits.current
/** Sets the default user's credits the way a test drives the sandbox: its admin API. */
async function adminCredits(amount: number): Promise<void> {
  const res = await fetch(`${h.sb.baseUrl}/__sandbox/credits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sandbox-admin': h.sb.adminToken },
    body: JSON.stringify({ amount })
  })
  if (!res.ok) throw new Error(`admin credits: ${res.status}`)
}
const jobOf = async (f: QueueFeature, id: string) => (await f.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === id) as Job
/** Waits on a condition (test/support/wait-for.ts), within `ms`. */
const until = (check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> => waitFor(check, { timeoutMs: ms })
/** Where the library keeps an asset's file (original in the sandbox's Library folder, thumb in the cache). */
async function fileOf(f: ReturnType<typeof open>, id: string, variant: 'original' | 'thumb'): Promise<string> {
  const stored = await f.library.resolveMedia({ mode: 'sandbox', area: 'library', id, variant })
  if (!stored) throw new Error(`no ${variant} file for ${id}`)
  return stored.path
}

/** Temp and partial files left anywhere in the sandbox's Library folder. */
const leftovers = (f: ReturnType<typeof open>): string[] =>
  readdirSync(dirname(f.library.stagingDir('sandbox')), { recursive: true, encoding: 'utf8' }).filter((n) => /\.(tmp|part)$/.test(n))

beforeAll(async () => {
  h = await startSandboxHarness('queue', { speed: SPEED, key: KEY })
})

afterAll(async () => {
  await queues.stop()
  await h?.close()
})

const req = (prompt: string, over: Record<string, unknown> = {}) =>
  ({ kind: 'image', params: { prompt, aspectRatio: '16:9', hd: false, imageCount: 1, ...over } }) as const

describe('queue against the sandbox', () => {
  it('an image job runs end to end into a real WebP with the right aspect', async () => {
    const f = open()
    const before = await balance()
    const job = await f.handlers['generation.submit'](req('Leather wallet on dark marble', { imageCount: 2 }), ctx)
    await f.idle()
    const done = await jobOf(f, job.id)
    expect(done).toMatchObject({ status: 'succeeded', progress: 100, error: null, creditsUsed: 80 })
    expect(done.assetIds).toHaveLength(2)
    expect(before - (await balance())).toBe(80)
    const asset = await f.handlers['library.get']({ id: done.assetIds[0]! }, ctx)
    expect(asset).toMatchObject({ kind: 'image', mimeType: 'image/webp', generationId: done.generationId })
    const file = await fileOf(f, asset.id, 'original')
    const meta = await sharp(file).metadata()
    expect(meta.format).toBe('webp')
    expect((meta.width as number) / (meta.height as number)).toBeCloseTo(16 / 9, 1)
    expect(asset.width).toBe(meta.width)
    const thumb = await sharp(await fileOf(f, asset.id, 'thumb')).metadata()
    expect(Math.max(thumb.width as number, thumb.height as number)).toBeLessThanOrEqual(512)
    expect(events.filter((e) => e.name === 'library.added').map((e) => (e.payload as Asset).jobId)).toEqual([job.id, job.id])
  })

  it('a 500 on the create POST is retried once and then succeeds', async () => {
    const f = open()
    h.sb.faults.set({ path: '/api/v1/images', method: 'POST', action: { type: 'status', status: 500 }, times: 1 })
    const job = await f.handlers['generation.submit'](req('Retry me'), ctx)
    await f.idle()
    expect(await jobOf(f, job.id)).toMatchObject({ status: 'succeeded', attempts: 2 })
    h.sb.faults.clear()
  })

  it('two 15 s videos the balance cannot cover wait; a 40-credit image still completes; the videos go on once credits are added', async () => {
    // The minute between balance checks, shortened: a top-up in the dashboard is only seen by them.
    const f = open((ms, signal) => defaultSleep(ms >= 60_000 ? 200 : ms / 10, signal))
    await f.idle()
    await adminCredits(1000)
    const video = { kind: 'video', params: { prompt: 'Perfume bottle turntable', aspectRatio: '16:9', duration: 15, audioMode: 'off' } } as const
    const a = await f.handlers['generation.submit'](video, ctx)
    const b = await f.handlers['generation.submit']({ ...video, params: { ...video.params, prompt: 'Sneaker orbit' } }, ctx)
    const image = await f.handlers['generation.submit'](req('Small enough'), ctx)
    await until(async () => (await jobOf(f, image.id)).status === 'succeeded')
    expect(await balance()).toBe(960)
    for (const id of [a.id, b.id]) {
      const held = await jobOf(f, id)
      expect(held).toMatchObject({ status: 'paused', error: { code: 'insufficient_credits', credits: { needed: 1200 } } })
      expect(held.error?.message).toMatch(/^Needs 1,200 credits, you have (1,000|960)\.$/)
    }
    // Never the whole queue: the image went through while they waited.
    expect((await f.handlers['queue.list']({}, ctx)).state.paused).toBe(false)
    await adminCredits(5000)
    await until(async () => (await jobOf(f, a.id)).status === 'succeeded' && (await jobOf(f, b.id)).status === 'succeeded', 60_000)
    await f.idle()
    expect(await balance()).toBe(5000 - 2 * 1200)
    expect((await jobOf(f, a.id)).error).toBeNull()
  }, 90_000)

  it('a reset after the POST was sent: exactly one generation charged and one job, not retried', async () => {
    const f = open()
    await f.idle()
    const before = await balance()
    const jobsBefore = (await f.handlers['queue.list']({}, ctx)).jobs.length
    h.sb.faults.set({ path: '/api/v1/images', method: 'POST', action: { type: 'reset' }, times: 1 })
    const job = await f.handlers['generation.submit'](req('Reset after send'), ctx)
    await f.idle()
    const failed = await jobOf(f, job.id)
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'unknown_outcome', retryable: false } })
    expect(before - (await balance())).toBe(40)
    expect(h.sb.faults.list()[0]?.seen).toBe(1)
    expect((await f.handlers['queue.list']({}, ctx)).jobs.length).toBe(jobsBefore + 1)
    h.sb.faults.clear()
  })

  it('a download reset at 60 % is restarted; the file is complete and no temp file is left', async () => {
    const f = open()
    h.sb.faults.set({ path: '/storage/**', method: 'GET', action: { type: 'reset-download', fraction: 0.6 }, times: 1 })
    const job = await f.handlers['generation.submit'](req('Cut download'), ctx)
    await f.idle()
    const done = await jobOf(f, job.id)
    expect(done.status).toBe('succeeded')
    expect(h.sb.faults.list()[0]?.hits).toBe(1)
    const meta = await sharp(await fileOf(f, done.assetIds[0]!, 'original')).stats()
    expect(meta.channels.length).toBeGreaterThan(0)
    expect(leftovers(f)).toEqual([])
    h.sb.faults.clear()
  })

  it('a restart in the middle of polling resumes the job without POSTing again', async () => {
    // The first instance polls once, then its wait never ends: it is "killed" there.
    const stuck: Sleep = (_ms, signal) =>
      new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('stopped')), { once: true }))
    const a = open(stuck)
    const before = await balance()
    const job = await a.handlers['generation.submit'](req('Restart mid-poll'), ctx)
    await until(async () => ['submitted', 'processing'].includes((await jobOf(a, job.id)).status))
    a.dispose()
    await a.idle()
    expect((await jobOf(a, job.id)).status).toMatch(/submitted|processing/)

    const b = open()
    await b.resume()
    await b.idle()
    expect(await jobOf(b, job.id)).toMatchObject({ status: 'succeeded' })
    expect(before - (await balance())).toBe(40)
  })
})
