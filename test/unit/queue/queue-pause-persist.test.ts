import { describe, expect, it } from 'vitest'
import { credits, ctx, gid, http, imageReq, start, storedPause, storePause, until, useHarness } from './fakes'

/** The creator's pause is kept per mode across restarts; automatic pauses are not. */

const h = useHarness()

describe('user pause across a restart', () => {
  it('a paused queue is still paused after a restart and POSTs nothing until resumed', async () => {
    const a = start(h)
    await a.resume()
    expect(await a.handlers['queue.pause']({}, ctx)).toMatchObject({ paused: true, reason: 'user' })
    const job = await a.handlers['generation.submit'](imageReq(), ctx)
    expect(storedPause(h)).toBe(true)
    a.dispose()
    await a.idle()

    const b = start(h)
    await b.resume()
    await b.idle()
    // Let any stray worker or timer have its chance: still nothing sent.
    // sleep-ok: idle() above is the synchronisation; this only gives a stray real timer the chance to show a bug.
    await new Promise((r) => setTimeout(r, 30))
    const listed = await b.handlers['queue.list']({}, ctx)
    expect(listed.state).toEqual({ paused: true, reason: 'user', resumesAt: null })
    expect(listed.jobs.find((j) => j.id === job.id)).toMatchObject({ status: 'paused' })
    expect(h.krev.posts).toEqual([])

    expect(await b.handlers['queue.resume']({}, ctx)).toMatchObject({ paused: false, reason: null })
    expect(storedPause(h)).toBe(false)
    await b.idle()
    expect((await b.handlers['queue.list']({}, ctx)).jobs[0]).toMatchObject({ status: 'succeeded' })
    expect(h.krev.posts).toHaveLength(1)

    b.dispose()
    const c = start(h)
    expect((await c.handlers['queue.list']({}, ctx)).state.paused).toBe(false)
  })

  it('a resume before the saved state is read wins over it', async () => {
    const a = start(h)
    await a.handlers['queue.pause']({}, ctx)
    a.dispose()
    await a.idle()
    const b = start(h)
    const resumed = b.handlers['queue.resume']({}, ctx)
    await b.resume()
    await resumed
    expect((await b.handlers['queue.list']({}, ctx)).state.paused).toBe(false)
  })

  it('a pause that comes while the jobs load still shows them as paused', async () => {
    const a = start(h)
    await a.resume()
    await a.handlers['queue.pause']({}, ctx)
    const job = await a.handlers['generation.submit'](imageReq(), ctx)
    a.dispose()
    await a.idle()
    // As if resumed and quit before the job's turn: on disk the queue runs, the job waits.
    storePause(h, false)
    const b = start(h)
    const paused = b.handlers['queue.pause']({}, ctx)
    await b.resume()
    await paused
    await b.idle()
    expect((await b.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === job.id)).toMatchObject({ status: 'paused' })
    expect(h.krev.posts).toEqual([])
  })

  it('is kept per mode: pausing the sandbox queue leaves the Krev queue running', async () => {
    const f = start(h)
    await f.resume()
    await f.handlers['queue.pause']({}, ctx)
    h.conn.setMode('krev')
    expect((await f.handlers['queue.list']({}, ctx)).state.paused).toBe(false)
    expect(storedPause(h, 'krev')).toBeNull()
    h.conn.setMode('sandbox')
    expect((await f.handlers['queue.list']({}, ctx)).state).toMatchObject({ paused: true, reason: 'user' })
  })

  it('a job held for credits is not held after a restart: the next start sends it', async () => {
    h.krev.postScript.push(http(402, 'insufficient_credits'))
    // The balance check keeps finding nothing, so the job is still held when it stops.
    h.krev.creditsScript = [credits(0)]
    const a = start(h)
    await a.resume()
    const job = await a.handlers['generation.submit'](imageReq(), ctx)
    await until(async () => (await a.handlers['queue.list']({}, ctx)).jobs[0]?.error?.code === 'insufficient_credits')
    expect((await a.handlers['queue.list']({}, ctx)).state.paused).toBe(false)
    a.dispose()
    await a.idle()
    expect(storedPause(h)).toBeNull()
    h.krev.creditsScript = []

    const b = start(h)
    await b.resume()
    await b.idle()
    expect((await b.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === job.id)).toMatchObject({
      status: 'succeeded',
      generationId: gid(1)
    })
    expect(h.krev.posts).toHaveLength(2)
  })
})
