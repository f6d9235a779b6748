import { describe, expect, it } from 'vitest'
import type { Job } from '../../../src-preload/contract'
import type { StoredJob } from '../../../src-main/queue/job-model'
import { byRunOrder, moveWaiting, nextPosition } from '../../../src-main/queue/queue-order'
import { ctx, gid, imageReq, jobEvents, start, storedJob, until, useHarness } from './fakes'

/** The run order the creator steers: the pure rule, then the queue sending in that order, across a restart. */

const job = (id: string, position: number, createdAt = '2026-03-01T10:00:00.000Z') => ({ id, position, createdAt }) as StoredJob
const ids = (jobs: StoredJob[]) => [...jobs].sort(byRunOrder).map((j) => j.id)

describe('moveWaiting', () => {
  it('moves before another job, to an index, or last, and answers only the jobs whose place changed', () => {
    const jobs = [job('a', 1), job('b', 2), job('c', 3), job('d', 4)]
    const changed = moveWaiting(jobs, 'd', { before: 'b' })
    expect(ids(jobs)).toEqual(['a', 'd', 'b', 'c'])
    expect(changed.map((j) => j.id).sort()).toEqual(['b', 'c', 'd'])
    moveWaiting(jobs, 'c', { toIndex: 0 })
    expect(ids(jobs)).toEqual(['c', 'a', 'd', 'b'])
    moveWaiting(jobs, 'c', { before: null })
    expect(ids(jobs)).toEqual(['a', 'd', 'b', 'c'])
    // The positions used are the ones these jobs held: others (running, finished) keep theirs.
    expect(jobs.map((j) => j.position).sort()).toEqual([1, 2, 3, 4])
  })

  it('clamps an index past the end, and a move to where it is changes nothing', () => {
    const jobs = [job('a', 5), job('b', 9)]
    expect(moveWaiting(jobs, 'a', { toIndex: 0 })).toEqual([])
    expect(moveWaiting(jobs, 'a', { before: 'a' })).toEqual([])
    moveWaiting(jobs, 'a', { toIndex: 99 })
    expect(ids(jobs)).toEqual(['b', 'a'])
  })

  it('gives jobs of before (all at position 0) a real order, oldest first', () => {
    const jobs = [job('new', 0, '2026-03-01T10:02:00.000Z'), job('old', 0, '2026-03-01T10:01:00.000Z'), job('mid', 0, '2026-03-01T10:01:30.000Z')]
    expect(ids(jobs)).toEqual(['old', 'mid', 'new'])
    moveWaiting(jobs, 'new', { toIndex: 1 })
    expect(ids(jobs)).toEqual(['old', 'new', 'mid'])
    expect(new Set(jobs.map((j) => j.position)).size).toBe(3)
  })

  it('refuses a job that is not waiting, or a target that is not, and changes nothing', () => {
    const jobs = [job('a', 1), job('b', 2)]
    expect(() => moveWaiting(jobs, 'x', { toIndex: 0 })).toThrow(/still waiting/)
    expect(() => moveWaiting(jobs, 'b', { before: 'x' })).toThrow(/among the jobs waiting/)
    expect(jobs.map((j) => j.position)).toEqual([1, 2])
  })

  it('a new job goes after every other', () => {
    expect(nextPosition([])).toBe(1)
    expect(nextPosition([job('a', 3), job('b', 7)])).toBe(8)
  })
})

describe('the queue honours the order', () => {
  const h = useHarness()
  const sentPrompts = () => h.krev.posts.map((p) => (p.params as { prompt: string }).prompt)

  it('sends waiting jobs in the order the creator set, kept on disk and honoured after a restart', async () => {
    const a = start(h)
    await a.handlers['queue.pause']({}, ctx)
    const jobs: Job[] = []
    for (const p of ['one', 'two', 'three', 'four']) jobs.push(await a.handlers['generation.submit'](imageReq({ prompt: p }), ctx))
    const [one, two, three, four] = jobs as [Job, Job, Job, Job]
    expect((await a.handlers['queue.runNext']({ jobId: four.id }, ctx)).jobs.map((j) => j.id)).toContain(four.id)
    await a.handlers['queue.move']({ jobId: one.id, before: null }, ctx)
    expect(storedJob(h, four.id)!.position).toBeLessThan(storedJob(h, two.id)!.position)
    // Each move is published, so the Queue screen follows.
    expect(jobEvents(h, one.id).at(-1)!.position).toBe(storedJob(h, one.id)!.position)
    a.dispose()
    await a.idle()

    const b = start(h, { poll: 1 })
    await b.resume()
    await b.handlers['queue.resume']({}, ctx)
    await b.idle()
    await until(() => h.krev.posts.length === 4)
    expect(sentPrompts()).toEqual(['four', 'two', 'three', 'one'])
    expect(three.position).toBeGreaterThan(0)
  })

  it('a job already at Krev cannot move: a clear error and nothing changes', async () => {
    const f = start(h)
    const done = await f.handlers['generation.submit'](imageReq(), ctx)
    await f.idle()
    const before = storedJob(h, done.id)!.position
    await expect(f.handlers['queue.runNext']({ jobId: done.id }, ctx)).rejects.toMatchObject({ code: 'invalid_input' })
    expect(storedJob(h, done.id)!.position).toBe(before)
  })

  it('a raised "at once" setting starts waiting jobs now, not when the running one ends', async () => {
    const opts = { poll: 1 }
    // The first job never finishes here: only the new setting can let the others go.
    h.krev.pollScript.set(gid(1), [{ status: 'processing', progress: 10, output: null }])
    const f = start(h, opts)
    for (const p of ['one', 'two', 'three']) await f.handlers['generation.submit'](imageReq({ prompt: p }), ctx)
    await until(() => h.krev.polls.length >= 3)
    expect(sentPrompts()).toEqual(['one'])
    opts.poll = 3
    f.service.concurrencyChanged()
    await until(() => h.krev.posts.length === 3)
    expect(sentPrompts()).toEqual(['one', 'two', 'three'])
  })
})
