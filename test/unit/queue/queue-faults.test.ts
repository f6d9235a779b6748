import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Job, QueueState } from '../../../src-preload/contract'
import { createMediaStore, type MediaStore } from '../../../src-main/media/media-store'
import { createObservableLimiter } from '../../../src-main/queue/shared-limiter'
import { clock, credits, ctx, expired, fakeSleep, gid, http, imageReq, jobEvents, maybeProcessed, offline, pollingJob, start, states, until, useHarness } from './fakes'

/** Every fault in faults.md that concerns the queue: nothing lost, nothing charged twice, a clear message. */

const h = useHarness()
const last = (id: string) => jobEvents(h, id).at(-1) as Job
const lastState = () => states(h).at(-1) as QueueState

describe('create POST faults', () => {
  it('a 500 is retried once, then succeeds', async () => {
    h.krev.postScript.push(http(500, 'server_error'))
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    expect(h.krev.posts).toHaveLength(2)
    expect(last(job.id)).toMatchObject({ status: 'succeeded', attempts: 2 })
  })

  it('two 500s: failed, refunded, balance refreshed, no third POST', async () => {
    h.krev.postScript.push(http(500, 'server_error'), http(500, 'server_error'))
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    expect(h.krev.posts).toHaveLength(2)
    expect(last(job.id)).toMatchObject({
      status: 'failed',
      error: { code: 'server_error', message: 'Krev couldn’t make this — credits were refunded.', retryable: true, refunded: true }
    })
    expect(h.credits).toBe(1)
  })

  it('connection reset after sending: failed, never POSTed again, not even by retry (run again makes a new job)', async () => {
    h.krev.postScript.push(maybeProcessed())
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    expect(h.krev.posts).toHaveLength(1)
    const failed = last(job.id)
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'unknown_outcome', retryable: false } })
    expect(failed.error?.message).toMatch(/may have started this generation.*not retried to avoid charging twice/)
    expect(h.credits).toBe(1)

    await expect(f.handlers['queue.retry']({ jobId: job.id }, ctx)).rejects.toMatchObject({ code: 'invalid_input' })
    await f.idle()
    expect(h.krev.posts).toHaveLength(1)
    expect(last(job.id).status).toBe('failed')
  })

  it('429: the job shows when it resumes, the shared limiter holds, then it goes through', async () => {
    h.krev.postScript.push(http(429, 'rate_limited', 30_000))
    const sleep = fakeSleep()
    const f = start(h, { sleep })
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await until(() => jobEvents(h, job.id).some((j) => j.status === 'paused'))
    const paused = jobEvents(h, job.id).find((j) => j.status === 'paused') as Job
    expect(paused.resumesAt).toBe('2026-03-01T10:00:30.000Z')
    expect(states(h)).toContainEqual({ paused: true, reason: 'rate_limited', resumesAt: '2026-03-01T10:00:30.000Z' })
    await f.idle()
    await until(() => last(job.id).status === 'succeeded')
    expect(sleep.calls).toContain(30_000)
    expect(h.krev.posts).toHaveLength(2)
    expect(lastState()).toEqual({ paused: false, reason: null, resumesAt: null })
  })

  it('a 429 storm over many jobs: one shared pause, each job POSTed once more, no herd', async () => {
    h.krev.postScript.push(http(429, 'rate_limited', 10_000))
    const sleep = fakeSleep()
    const f = start(h, { sleep, poll: 1 })
    await f.resume()
    f.handlers['queue.pause']({}, ctx)
    const ids: string[] = []
    for (let i = 0; i < 4; i++) ids.push((await f.handlers['generation.submit'](imageReq({ prompt: `p${i}` }), ctx)).id)
    f.handlers['queue.resume']({}, ctx)
    await until(() => ids.every((id) => last(id).status === 'succeeded'))
    await f.idle()
    expect(h.krev.posts).toHaveLength(5)
    expect(states(h).filter((s) => (s as QueueState).reason === 'rate_limited')).toHaveLength(1)
  })

  it('a 429 retried inside the client (shared limiter): the waiting job shows when it resumes', async () => {
    const limiter = createObservableLimiter({ now: () => clock.t, sleep: fakeSleep() })
    let release = () => undefined as void
    h.krev.onPost = () =>
      new Promise<void>((resolve) => {
        // What the client does on a 429 with a shared limiter: penalise, then wait in it.
        limiter.penalize(120_000)
        release = resolve
      })
    const f = start(h, { limiter })
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await until(() => jobEvents(h, job.id).some((j) => j.resumesAt === '2026-03-01T10:02:00.000Z'))
    expect(states(h)).toContainEqual({ paused: true, reason: 'rate_limited', resumesAt: '2026-03-01T10:02:00.000Z' })
    release()
    await until(() => last(job.id).status === 'succeeded')
    expect(last(job.id).resumesAt).toBeNull()
    expect(h.krev.posts).toHaveLength(1)
  })

  it('401 pauses the queue (unauthorized) and sends nothing more until resumed', async () => {
    h.krev.postScript.push(http(401, 'unauthorized'))
    const f = start(h)
    const a = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    const b = await f.handlers['generation.submit'](imageReq({ prompt: 'second' }), ctx)
    await f.idle()
    expect(lastState()).toMatchObject({ paused: true, reason: 'unauthorized' })
    expect(h.krev.posts).toHaveLength(1)
    expect(last(a.id).status).toBe('paused')
    expect(b.status).toBe('paused')
    f.handlers['queue.resume']({}, ctx)
    await f.idle()
    await until(() => last(a.id).status === 'succeeded' && last(b.id).status === 'succeeded')
    expect(h.krev.posts).toHaveLength(3)
  })

  it('402 mid-batch holds the jobs the balance can’t cover, not the queue; they go on once it covers them', async () => {
    h.krev.postScript.push({ generation_id: gid(1), urls: [], credits_used: 40 }, http(402, 'insufficient_credits'))
    h.krev.creditsScript.push(credits(10))
    const sleep = fakeSleep()
    const f = start(h, { sleep, poll: 1 })
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push((await f.handlers['generation.submit'](imageReq({ prompt: `p${i}` }), ctx)).id)
    await until(() => last(ids[1]!).status === 'paused' && last(ids[2]!).status === 'paused')
    expect(last(ids[1]!).error).toMatchObject({ code: 'insufficient_credits', message: 'Needs 40 credits, you have 10.', credits: { needed: 40, balance: 10 } })
    expect(last(ids[2]!).error?.credits).toEqual({ needed: 40, balance: 10 })
    // The queue itself is not paused: a job the balance covered would still be sent.
    expect(states(h).some((s) => (s as QueueState).paused)).toBe(false)
    // The balance is checked once a minute while it is too low; nothing is POSTed meanwhile.
    await until(() => h.krev.creditsCalls >= 3)
    expect(h.krev.posts).toHaveLength(2)
    expect(new Set(sleep.calls.filter((ms) => ms > 8000))).toEqual(new Set([60_000]))
    h.krev.creditsScript.splice(0, 1, credits(500))
    await until(() => ids.every((id) => last(id).status === 'succeeded'))
    await f.idle()
    expect(h.krev.posts).toHaveLength(4)
  })

  it('a 402 holds only that job: a smaller one after it is sent; the held one goes on when a new balance arrives', async () => {
    h.krev.postScript.push(http(402, 'insufficient_credits'))
    h.krev.creditsScript.push(credits(100))
    // The minute between balance checks never ends here: only the balance event can release it.
    const f = start(h, { sleep: Object.assign((ms: number, signal?: AbortSignal) => (ms >= 60_000 ? new Promise<void>(() => undefined) : fakeSleep()(ms, signal)), { calls: [] }) })
    const video = await f.handlers['generation.submit']({ kind: 'video', params: { prompt: 'Turntable', aspectRatio: '16:9', duration: 5, audioMode: 'auto' } }, ctx)
    const image = await f.handlers['generation.submit'](imageReq({ prompt: 'small' }), ctx)
    await until(() => last(image.id).status === 'succeeded')
    expect(last(video.id)).toMatchObject({ status: 'paused', error: { code: 'insufficient_credits', credits: { needed: 400, balance: 100 } } })
    expect(h.krev.posts.map((p) => p.kind)).toEqual(['video', 'image'])
    f.service.balanceChanged(1000)
    await until(() => last(video.id).status === 'succeeded')
    expect(last(video.id).error).toBeNull()
    expect(h.krev.posts.map((p) => p.kind)).toEqual(['video', 'image', 'video'])
  })

  it('offline: pauses, probes with backoff (5 s, 10 s, 20 s), resumes when the probe answers', async () => {
    h.krev.postScript.push(offline())
    h.krev.creditsScript.push(offline(), offline(), credits(2500))
    const sleep = fakeSleep()
    const f = start(h, { sleep })
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await until(() => last(job.id).status === 'succeeded')
    await f.idle()
    expect(states(h)).toContainEqual({ paused: true, reason: 'offline', resumesAt: null })
    expect(sleep.calls.filter((ms) => ms >= 5000)).toEqual([5000, 10_000, 20_000])
    expect(h.conn.reported).toContain(false)
    expect(h.conn.reported.at(-1)).toBe(true)
    expect(h.krev.creditsCalls).toBe(3)
  })
})

describe('poll and download faults', () => {
  it('offline while polling: the job keeps its place and is polled again after the probe', async () => {
    h.krev.pollScript.set(gid(1), [offline(), {}])
    h.krev.creditsScript.push(credits(2500))
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await until(() => last(job.id).status === 'succeeded')
    expect(jobEvents(h, job.id).map((j) => j.status)).not.toContain('failed')
    expect(h.krev.posts).toHaveLength(1)
  })

  it('401 while polling: the queue pauses; after resume the job follows the same generation', async () => {
    h.krev.pollScript.set(gid(1), [http(401, 'unauthorized'), {}])
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    expect(lastState()).toMatchObject({ paused: true, reason: 'unauthorized' })
    expect(last(job.id).status).not.toBe('failed')
    f.handlers['queue.resume']({}, ctx)
    await f.idle()
    expect(last(job.id).status).toBe('succeeded')
    expect(h.krev.posts).toHaveLength(1)
  })

  it('no client (no key in Krev mode) for a polling job: paused, resumed without a new POST', async () => {
    const { feature: a, job } = await pollingJob(h, 1, 10)
    a.dispose()
    await a.idle()
    h.conn.clientError = http(401, 'unauthorized')
    h.krev.pollScript.set(gid(1), [{}])
    const b = start(h)
    await b.resume()
    await b.idle()
    expect(lastState()).toMatchObject({ reason: 'unauthorized' })
    h.conn.clientError = null
    b.handlers['queue.resume']({}, ctx)
    await b.idle()
    expect(last(job.id).status).toBe('succeeded')
    expect(h.krev.posts).toHaveLength(1)
  })

  it('a failed generation fails the job as refunded and refreshes the balance', async () => {
    h.krev.pollScript.set(gid(1), [{ status: 'failed', progress: 30, output: null, error: 'Content policy' }])
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    expect(last(job.id)).toMatchObject({ status: 'failed', error: { code: 'generation_failed', refunded: true } })
    expect(last(job.id).error?.message).toMatch(/Content policy.*refunded/)
    // Once when Krev accepted (charged), once when it failed (refunded).
    expect(h.credits).toBe(2)
  })

  it('an expired link is refreshed once from the generation', async () => {
    h.krev.pollScript.set(gid(1), [{ output: { urls: ['https://cdn.example/old.png'] } }, { output: { urls: ['https://cdn.example/new.png'] } }])
    h.krev.downloadScript.set('https://cdn.example/old.png', [expired()])
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    expect(h.krev.downloads).toEqual(['https://cdn.example/old.png', 'https://cdn.example/new.png'])
    expect(last(job.id).status).toBe('succeeded')
  })

  it('a link still expired after the refresh fails clearly, with a retry', async () => {
    h.krev.pollScript.set(gid(1), [{ output: { urls: ['https://cdn.example/x.png'] } }])
    h.krev.downloadScript.set('https://cdn.example/x.png', [expired(), expired()])
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    expect(last(job.id)).toMatchObject({ status: 'failed', error: { code: 'link_expired', retryable: true } })
    expect(h.krev.downloads).toHaveLength(2)
    // Retry fetches the generation again (no new POST) and downloads.
    await f.handlers['queue.retry']({ jobId: job.id }, ctx)
    await f.idle()
    expect(h.krev.posts).toHaveLength(1)
    expect(last(job.id).status).toBe('succeeded')
  })

  it('a download cut mid-way is started again; no temp file is left', async () => {
    h.krev.downloadScript.set(`https://cdn.example/${gid(1)}/0.png`, [offline()])
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    expect(h.krev.downloads).toHaveLength(2)
    expect(last(job.id).status).toBe('succeeded')
  })

  it('library folder deleted between jobs: recreated, the next job is saved', async () => {
    const f = start(h)
    await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    await rm(join(h.dataDir, 'media'), { recursive: true, force: true })
    await rm(join(h.dataDir, 'library'), { recursive: true, force: true })
    const job = await f.handlers['generation.submit'](imageReq({ prompt: 'after delete' }), ctx)
    await f.idle()
    expect(last(job.id).status).toBe('succeeded')
    expect(existsSync(join(h.dataDir, 'media', 'sandbox', 'library', `${job.id}-0.thumb.webp`))).toBe(true)
  })

  it('offline during the download: the queue pauses, and the download resumes when the network is back', async () => {
    const url = `https://cdn.example/${gid(1)}/0.png`
    h.krev.downloadScript.set(url, [offline(), offline(), offline()])
    h.krev.creditsScript.push(credits(2500))
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await until(() => last(job.id).status === 'succeeded')
    expect(states(h)).toContainEqual({ paused: true, reason: 'offline', resumesAt: null })
    expect(jobEvents(h, job.id).map((j) => j.status)).not.toContain('failed')
    expect(h.krev.posts).toHaveLength(1)
  })

  it('a media host that stays unreachable while Krev answers: the job fails with a retry, its generation kept', async () => {
    const url = `https://cdn.example/${gid(1)}/0.png`
    h.krev.downloadScript.set(url, Array.from({ length: 12 }, () => offline()))
    h.krev.creditsScript.push(credits(2500))
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await until(() => last(job.id).status === 'failed')
    expect(last(job.id)).toMatchObject({ generationId: gid(1), error: { code: 'network', retryable: true } })
  })

  it('disk full: the job fails with a retry, commands keep answering, retry saves it', async () => {
    const real = createMediaStore(h.dataDir)
    let full = true
    const media: MediaStore = {
      ...real,
      write: async (ref, ext, data) => {
        if (full) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        return real.write(ref, ext, data)
      }
    }
    const f = start(h, { media })
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    expect(last(job.id)).toMatchObject({ status: 'failed', error: { code: 'io', retryable: true } })
    expect(last(job.id).error?.message).toMatch(/disk is full/)
    expect((await f.handlers['queue.list']({}, ctx)).jobs).toHaveLength(1)
    full = false
    await f.handlers['queue.retry']({ jobId: job.id }, ctx)
    await f.idle()
    expect(last(job.id).status).toBe('succeeded')
    expect(h.krev.posts).toHaveLength(1)
  })
})
