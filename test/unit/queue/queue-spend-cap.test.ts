import { describe, expect, it } from 'vitest'
import type { Job } from '../../../src-preload/contract'
import { ctx, gid, imageReq, jobEvents, start, until, useHarness } from './fakes'

/** The session spending cap, through the queue: a job that would cross it is never POSTed and says why. */

const h = useHarness()
const last = (id: string) => jobEvents(h, id).at(-1) as Job
const images = (n: 1 | 2 | 4, prompt = `shot of ${n}`) => imageReq({ imageCount: n, prompt })

describe('session spending cap', () => {
  it('a job over the cap is never POSTed and shows its message; a smaller one passes it; raising the cap sends it', async () => {
    const limit = { cap: 80 }
    const f = start(h, { spendCap: () => limit.cap })
    const a = await f.handlers['generation.submit'](images(1), ctx) // Krev charges 40
    await f.idle()
    expect(last(a.id).status).toBe('succeeded')

    const b = await f.handlers['generation.submit'](images(2, 'too much'), ctx) // 40 + 80 > 80
    await f.idle()
    expect(h.krev.posts).toHaveLength(1)
    expect(last(b.id)).toMatchObject({
      status: 'paused',
      error: {
        code: 'spend_cap',
        message:
          'Waiting: this job (80 credits) would take this session past your 80-credit spending cap (40 spent). Raise the cap in Settings to send it.'
      }
    })

    const c = await f.handlers['generation.submit'](images(1, 'fits'), ctx) // 40 + 40 = 80: exactly the cap
    await f.idle()
    expect(last(c.id).status).toBe('succeeded')
    expect(h.krev.posts.map((p) => (p.params as { prompt: string }).prompt)).toEqual(['shot of 1', 'fits'])
    expect(last(b.id).status).toBe('paused')

    // Clearing finished jobs does not give their credits back.
    await f.handlers['queue.clearFinished']({}, ctx)
    f.service.spendCapChanged()
    await f.idle()
    expect(h.krev.posts).toHaveLength(2)

    limit.cap = 200
    f.service.spendCapChanged()
    await f.idle()
    await until(() => last(b.id).status === 'succeeded')
    expect(last(b.id).error).toBeNull()
    expect(h.krev.posts).toHaveLength(3)
  })

  it('two jobs that each fit but not together: the second waits until the first is refunded, then goes', async () => {
    h.krev.pollScript.set(gid(1), [{ status: 'failed', progress: 0, output: null, error: 'model overloaded' }])
    const f = start(h, { spendCap: () => 100 })
    await f.resume()
    await f.handlers['queue.pause']({}, ctx)
    const a = await f.handlers['generation.submit'](images(2, 'first'), ctx)
    const b = await f.handlers['generation.submit'](images(2, 'second'), ctx)
    await f.handlers['queue.resume']({}, ctx)
    await until(() => jobEvents(h, b.id).some((j) => j.error?.code === 'spend_cap'))
    expect(h.krev.posts).toHaveLength(1)
    await until(() => last(b.id).status === 'succeeded')
    await f.idle()
    expect(last(a.id)).toMatchObject({ status: 'failed', error: { refunded: true } })
    expect(h.krev.posts.map((p) => (p.params as { prompt: string }).prompt)).toEqual(['first', 'second'])
  })

  it('no cap (the default): nothing waits', async () => {
    const f = start(h)
    const ids = [(await f.handlers['generation.submit'](images(4), ctx)).id, (await f.handlers['generation.submit'](images(4, 'again'), ctx)).id]
    await f.idle()
    await until(() => ids.every((id) => last(id).status === 'succeeded'))
    expect(h.krev.posts).toHaveLength(2)
  })
})
