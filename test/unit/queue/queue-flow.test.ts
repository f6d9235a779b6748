import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { Asset, Job } from '../../../src-preload/contract'
import { ctx, fakeSleep, gid, imageReq, jobEvents, ledgerReadOnly, pollingJob, PRODUCT, start, storedJob, useHarness } from './fakes'

/** The queue's normal life: estimate, persist-then-POST, poll, download into the library, cancel. */

const h = useHarness()

describe('generation.submit', () => {
  it('persists the job before the POST, answers at once, then runs it to the library', async () => {
    let onDiskAtPost: Job | null = null
    // Read through a connection of its own: what a crash at the moment of the POST would leave.
    h.krev.onPost = () => {
      onDiskAtPost = ledgerReadOnly(h, (repo) => repo.all('sandbox')[0] ?? null)
    }
    h.krev.pollScript.set(gid(1), [
      { status: 'queued', progress: 0, output: null },
      { status: 'processing', progress: 40, output: null },
      { status: 'processing', progress: 80, output: null },
      { status: 'succeeded', progress: 100, output: { urls: ['https://cdn.example/a.png', 'https://cdn.example/b.png'] } }
    ])
    const sleep = fakeSleep()
    const f = start(h, { sleep })
    const job = await f.handlers['generation.submit'](imageReq({ imageCount: 2 }), ctx)
    expect(job).toMatchObject({ status: 'pending', creditsEstimate: 80, title: 'Leather wallet on dark marble', generationId: null })
    expect(storedJob(h, job.id)).toMatchObject({ id: job.id, status: 'pending' })

    await f.idle()
    expect(onDiskAtPost).toMatchObject({ id: job.id, status: 'pending', postStartedAt: expect.any(String) })
    expect(h.krev.posts).toEqual([{ kind: 'image', params: { prompt: 'Leather wallet on dark marble', aspect_ratio: '4:3', hd: false, image_count: 2 } }])
    const seen = jobEvents(h, job.id)
    expect(seen.map((j) => j.status)).toEqual(expect.arrayContaining(['pending', 'submitted', 'processing', 'downloading', 'succeeded']))
    const done = seen.at(-1) as Job
    expect(done).toMatchObject({ status: 'succeeded', progress: 100, generationId: gid(1), creditsUsed: 40, error: null })
    expect(done.assetIds).toEqual([`${job.id}-0`, `${job.id}-1`])
    const progress = h.events.filter((e) => e.name === 'generation.progress').map((e) => (e.payload as { progress: number }).progress)
    // Throttled per job (progress-throttle.ts): a status change goes out at once, later ticks
    // may be folded into the job event that follows, never delivered out of order.
    expect(progress).toContain(40)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    // Adaptive polling: short while it moves (±20 % jitter, poll-cadence.ts).
    expect(sleep.calls.every((ms) => ms >= 800 && ms <= 9600)).toBe(true)

    const added = h.events
      .filter((e) => e.name === 'library.added')
      .map((e) => e.payload as Asset)
      .sort((a, b) => a.id.localeCompare(b.id))
    expect(added).toHaveLength(2)
    expect(added[0]).toMatchObject({ kind: 'image', jobId: job.id, width: 1024, height: 768, mimeType: 'image/png', prompt: 'Leather wallet on dark marble' })
    expect(added[0]!.thumbUrl).toBe(`krev-media://media/sandbox/library/${job.id}-0/thumb`)
    const thumb = await h.media.resolve({ mode: 'sandbox', area: 'library', id: `${job.id}-0`, variant: 'thumb' })
    const meta = await sharp(thumb!.path).metadata()
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 384 })
    const list = await f.handlers['library.list']({ sort: 'newest', limit: 60 }, ctx)
    expect(list.total).toBe(2)
    expect(storedJob(h, job.id)).toMatchObject({ status: 'succeeded', postStartedAt: null })
  })

  it('skips polling when the POST already returned the outputs; ads keep their copy', async () => {
    h.krev.postScript.push({
      generation_id: gid(7),
      urls: ['https://cdn.example/ad.png'],
      credits_used: 40,
      ad_copy: { style_name: 'Performance Master', hook: 'Built for long days', headline: 'Protein that keeps up', body_copy: 'A clean bar.', cta: 'Shop now' }
    })
    const f = start(h)
    await f.handlers['generation.submit']({ kind: 'ad', params: { brief: 'Protein bar ad', productIds: [PRODUCT], aspectRatio: '4:5', imageCount: 1 } }, ctx)
    await f.idle()
    expect(h.krev.polls).toEqual([])
    const asset = h.events.find((e) => e.name === 'library.added')?.payload as Asset
    expect(asset).toMatchObject({ kind: 'ad', productIds: [PRODUCT], adCopy: { headline: 'Protein that keeps up', bodyCopy: 'A clean bar.' } })
  })

  it('refuses what the client would refuse, before any job exists', async () => {
    const f = start(h)
    const bad = imageReq({ referenceImages: ['http://169.254.169.254/latest'] })
    await expect(f.handlers['generation.submit'](bad, ctx)).rejects.toMatchObject({ code: 'invalid_input' })
    expect((await f.handlers['queue.list']({}, ctx)).jobs).toEqual([])
    expect(h.krev.posts).toEqual([])
  })
})

describe('cancel, retry, remove', () => {
  it('a pending job is never POSTed once cancelled', async () => {
    const f = start(h)
    await f.resume()
    f.handlers['queue.pause']({}, ctx)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    expect(job.status).toBe('paused')
    const cancelled = await f.handlers['queue.cancel']({ jobId: job.id }, ctx)
    expect(cancelled).toMatchObject({ status: 'cancelled', error: null })
    await f.handlers['queue.resume']({}, ctx)
    await f.idle()
    expect(h.krev.posts).toEqual([])
  })

  it('a running job stops being polled, and says Krev can’t cancel it', async () => {
    const { feature: f, job } = await pollingJob(h, 2, 10)
    const out = await f.handlers['queue.cancel']({ jobId: job.id }, ctx)
    expect(out.status).toBe('cancelled')
    expect(out.error?.message).toMatch(/can’t cancel a generation once it has started/)
    await f.idle()
    const polls = h.krev.polls.length
    // sleep-ok: idle() above is the synchronisation; this only gives a stray real timer the chance to show a bug.
    await new Promise((r) => setTimeout(r, 20))
    expect(h.krev.polls.length).toBe(polls)
    expect(h.krev.downloads).toEqual([])
  })

  it('remove and clearFinished drop jobs from disk and tell the renderer', async () => {
    const f = start(h)
    const a = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    const b = await f.handlers['generation.submit'](imageReq({ prompt: 'second' }), ctx)
    await f.idle()
    expect(await f.handlers['queue.remove']({ jobId: a.id }, ctx)).toEqual({ removed: true })
    expect(storedJob(h, a.id)).toBeNull()
    expect(storedJob(h, b.id)).not.toBeNull()
    expect(await f.handlers['queue.clearFinished']({}, ctx)).toEqual({ removed: 1 })
    expect(storedJob(h, b.id)).toBeNull()
    expect(h.events.filter((e) => e.name === 'queue.removed').map((e) => e.payload)).toEqual([{ jobId: a.id }, { jobId: b.id }])
    expect(await f.handlers['queue.remove']({ jobId: a.id }, ctx)).toEqual({ removed: false })
    // What they took is kept: the Queue still knows what an image usually takes.
    const { jobs, finished } = await f.handlers['queue.list']({}, ctx)
    expect(jobs).toEqual([])
    expect(finished.map((x) => x.id).sort()).toEqual([a.id, b.id].sort())
    expect(finished.every((x) => x.kind === 'image' && x.videoSeconds === null && x.finishedAt >= x.sentAt)).toBe(true)
  })

  it('keeps at most pollConcurrency jobs in flight', async () => {
    for (let n = 1; n <= 4; n++) h.krev.pollScript.set(gid(n), [{ status: 'processing', progress: 5, output: null }, { status: 'processing', progress: 5, output: null }, {}])
    let inFlight = 0
    let most = 0
    const get = h.krev.client.getGeneration
    h.krev.client.getGeneration = async (id, s) => {
      // POSTed and not yet downloading = holding a slot.
      inFlight = h.krev.posts.length - h.events.filter((e) => e.name === 'queue.job' && (e.payload as Job).status === 'downloading').length
      most = Math.max(most, inFlight)
      return get(id, s)
    }
    const f = start(h, { poll: 2 })
    for (let i = 0; i < 4; i++) await f.handlers['generation.submit'](imageReq({ prompt: `p${i}` }), ctx)
    await f.idle()
    expect(most).toBeLessThanOrEqual(2)
    expect(h.krev.posts).toHaveLength(4)
  })
})
