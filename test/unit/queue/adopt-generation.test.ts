import { describe, expect, it } from 'vitest'
import { ctx, gid, start, storedJob, until, useHarness } from './fakes'

/**
 * queue.adopt (main only, for the chat agent): a generation started elsewhere is followed and
 * downloaded like any job, never POSTed by the queue, its source kept, and picked up again
 * after a restart.
 */

const h = useHarness()
const source = { type: 'chat' as const, conversationId: 'conv-1', messageId: 'msg-9' }
const request = { kind: 'image' as const, params: { prompt: 'Serum bottle on wet stone', aspectRatio: '1:1' as const, hd: false, imageCount: 1 as const } }

describe('queue.adopt', () => {
  it('tracks a generation started elsewhere: polled, downloaded into the library, never POSTed, source kept', async () => {
    const f = start(h)
    await f.resume()
    const job = await f.service.adopt({ generationId: gid(42), request, source, creditsUsed: 40 })
    expect(job).toMatchObject({ status: 'submitted', generationId: gid(42), source, title: 'Serum bottle on wet stone' })
    await f.idle()
    const done = (await f.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === job.id)!
    expect(done).toMatchObject({ status: 'succeeded', creditsUsed: 40, source })
    expect(done.assetIds).toHaveLength(1)
    expect(h.krev.posts).toHaveLength(0)
    expect(h.krev.polls).toContain(gid(42))
    expect((await f.handlers['library.get']({ id: done.assetIds[0]! }, ctx)).generationId).toBe(gid(42))
    expect(storedJob(h, job.id)?.source).toEqual(source)
  })

  it('the same generation adopted twice is one job', async () => {
    const f = start(h)
    const a = await f.service.adopt({ generationId: gid(7), request, source })
    const b = await f.service.adopt({ generationId: gid(7), request, source })
    expect(b.id).toBe(a.id)
    expect((await f.handlers['queue.list']({}, ctx)).jobs).toHaveLength(1)
  })

  it('is on disk before it is followed: a restart picks it up and finishes it', async () => {
    const never = Object.assign((_ms: number, signal?: AbortSignal) => new Promise<void>((_r, reject) => signal?.addEventListener('abort', () => reject(new Error('stopped')))), { calls: [] as number[] })
    h.krev.pollScript.set(gid(8), [{ status: 'processing', progress: 10, output: null }, { status: 'succeeded' }])
    const a = start(h, { sleep: never })
    const job = await a.service.adopt({ generationId: gid(8), request, source })
    await until(() => h.krev.polls.includes(gid(8)))
    a.dispose()
    await a.idle()
    expect(storedJob(h, job.id)).toMatchObject({ generationId: gid(8), source })

    const b = start(h)
    await b.resume()
    await b.idle()
    expect(storedJob(h, job.id)).toMatchObject({ status: 'succeeded' })
    expect(h.krev.posts).toHaveLength(0)
  })

  it('bad input: a clear error and nothing created', async () => {
    const f = start(h)
    await expect(f.service.adopt({ generationId: '', request, source })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(f.service.adopt({ generationId: gid(1), request: { kind: 'image', params: {} }, source } as never)).rejects.toThrow(/request/)
    expect((await f.handlers['queue.list']({}, ctx)).jobs).toHaveLength(0)
  })
})
