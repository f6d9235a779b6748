import { describe, expect, it } from 'vitest'
import type { Job } from '../../../src-preload/contract'
import type { BalanceAt } from '../../../src-main/queue/job-model'
import { asLegacyJobFile, clock, credits, ctx, imageReq, jobEvents, maybeProcessed, start, stoppedWithJob, storedJob, useHarness } from './fakes'

/**
 * The honest unknown: a job whose POST may have been charged keeps what is known, answers
 * "Check balance" truthfully, and is only ever followed by a NEW job the creator asks for.
 */

const h = useHarness()
const last = (id: string) => jobEvents(h, id).at(-1) as Job
const iso = (t: number) => new Date(t).toISOString()

/** An account balance cached a second before the POST (or none). */
function cachedBalance(value: BalanceAt | null) {
  return { cached: () => value, fresh: async () => ({ credits: (await h.krev.client.credits()).credits.current, at: iso(clock.t) }) }
}

async function unknownJob(f: ReturnType<typeof start>): Promise<Job> {
  h.krev.postScript.push(maybeProcessed())
  const job = await f.handlers['generation.submit'](imageReq(), ctx)
  await f.idle()
  expect(last(job.id)).toMatchObject({ status: 'failed', error: { code: 'unknown_outcome' } })
  return last(job.id)
}

describe('an unknown outcome keeps what is known', () => {
  it('keeps the sent-at time and the balance before, on the job and on disk', async () => {
    const f = start(h, { balance: cachedBalance({ credits: 2500, at: iso(clock.t - 1000) }) })
    const job = await unknownJob(f)
    expect(job).toMatchObject({ sentAt: iso(clock.t), creditsEstimate: 40, error: { retryable: false } })
    expect(storedJob(h, job.id)).toMatchObject({ sentAt: iso(clock.t), balanceBefore: { credits: 2500, at: iso(clock.t - 1000) } })
  })

  it('killed while the POST was out: the restart keeps its sent-at; an older job file without the new fields is imported', async () => {
    const job = await stoppedWithJob(h)
    // As written before sentAt existed (and before the database): only the POST marker says when it left.
    asLegacyJobFile(h, job.id, (j) => {
      delete j['sentAt']
      delete j['balanceBefore']
      delete j['rerunAs']
      j['postStartedAt'] = '2026-03-01T09:59:00.000Z'
      j['status'] = 'pending'
    })

    const b = start(h)
    await b.resume()
    await b.idle()
    const found = (await b.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === job.id)
    expect(found).toMatchObject({ status: 'failed', sentAt: '2026-03-01T09:59:00.000Z', error: { code: 'unknown_outcome' } })
    expect(h.krev.posts).toEqual([])
  })
})

describe('check balance', () => {
  it('went down: spent, with the amount', async () => {
    h.krev.creditsScript = [credits(2460)]
    const f = start(h, { balance: cachedBalance({ credits: 2500, at: iso(clock.t - 1000) }) })
    const job = await unknownJob(f)
    const check = await f.handlers['queue.checkUnknown']({ jobId: job.id }, ctx)
    expect(check).toMatchObject({ before: { credits: 2500 }, after: { credits: 2460 }, otherJobsRan: false, verdict: 'spent', spent: 40 })
  })

  it('unchanged: probably not charged', async () => {
    h.krev.creditsScript = [credits(2500)]
    const f = start(h, { balance: cachedBalance({ credits: 2500, at: iso(clock.t - 1000) }) })
    const job = await unknownJob(f)
    const check = await f.handlers['queue.checkUnknown']({ jobId: job.id }, ctx)
    expect(check).toMatchObject({ verdict: 'unchanged', spent: 0, otherJobsRan: false })
  })

  it('another job ran since: the comparison can\u2019t tell', async () => {
    h.krev.creditsScript = [credits(2420)]
    const f = start(h, { balance: cachedBalance({ credits: 2500, at: iso(clock.t - 1000) }) })
    const job = await unknownJob(f)
    await f.handlers['generation.submit'](imageReq({ prompt: 'another' }), ctx)
    await f.idle()
    const check = await f.handlers['queue.checkUnknown']({ jobId: job.id }, ctx)
    expect(check).toMatchObject({ otherJobsRan: true, verdict: 'other_jobs', spent: null, after: { credits: 2420 } })
  })

  it('no balance was known before: says so, still fetches a fresh one', async () => {
    h.krev.creditsScript = [credits(2460)]
    const f = start(h)
    const job = await unknownJob(f)
    const calls = h.krev.creditsCalls
    const check = await f.handlers['queue.checkUnknown']({ jobId: job.id }, ctx)
    expect(check).toMatchObject({ before: null, after: { credits: 2460 }, verdict: 'no_before' })
    expect(h.krev.creditsCalls).toBe(calls + 1)
  })

  it('refused for a job whose outcome is known', async () => {
    const f = start(h)
    const job = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    await expect(f.handlers['queue.checkUnknown']({ jobId: job.id }, ctx)).rejects.toMatchObject({ code: 'invalid_input' })
  })
})

describe('run again', () => {
  it('creates exactly one new job with the same request; the unknown one stays and is never re-posted', async () => {
    const f = start(h)
    const old = await unknownJob(f)
    expect(h.krev.posts).toHaveLength(1)
    // A doubled click.
    const [a, b] = await Promise.all([
      f.handlers['queue.runAgain']({ jobId: old.id }, ctx),
      f.handlers['queue.runAgain']({ jobId: old.id }, ctx)
    ])
    expect(a.id).toBe(b.id)
    expect(a.id).not.toBe(old.id)
    expect(a.request).toEqual(old.request)
    await f.idle()
    expect(h.krev.posts).toHaveLength(2)
    expect(last(a.id).status).toBe('succeeded')
    const jobs = (await f.handlers['queue.list']({}, ctx)).jobs
    expect(jobs).toHaveLength(2)
    expect(jobs.find((j) => j.id === old.id)).toMatchObject({ status: 'failed', error: { code: 'unknown_outcome' }, rerunAs: a.id })
    // Asked again later: the same new job, not a third.
    expect((await f.handlers['queue.runAgain']({ jobId: old.id }, ctx)).id).toBe(a.id)
    expect(h.krev.posts).toHaveLength(2)
  })

  it('no automatic path re-sends it: retry is refused; resume, reconnect and restart send nothing', async () => {
    const f = start(h)
    const old = await unknownJob(f)
    await expect(f.handlers['queue.retry']({ jobId: old.id }, ctx)).rejects.toMatchObject({ code: 'invalid_input' })
    f.handlers['queue.pause']({}, ctx)
    f.handlers['queue.resume']({}, ctx)
    h.conn.setOnline(false)
    h.conn.setOnline(true)
    await f.idle()
    f.dispose()
    const g = start(h)
    await g.resume()
    await g.idle()
    expect(h.krev.posts).toHaveLength(1)
    expect((await g.handlers['queue.list']({}, ctx)).jobs).toMatchObject([{ id: old.id, status: 'failed', error: { code: 'unknown_outcome' } }])
  })
})
