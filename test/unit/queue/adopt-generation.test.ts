import { describe, expect, it } from 'vitest'
import type { Job } from '../../../src-preload/contract'
import { ctx, gid, imageReq, start, storedJob, useHarness } from './fakes'

/** queue.adopt: a generation started elsewhere (chat) is followed and downloaded, never POSTed. */

const h = useHarness()
const source = { type: 'chat' as const, conversationId: 'c0000000-0000-4000-8000-000000000001', messageId: 'm0000000-0000-4000-8000-000000000002' }

describe('adopting a generation', () => {
  it('polls and downloads it like any job, without a POST, and keeps where it came from', async () => {
    const q = start(h)
    const job = await q.service.adopt({ generationId: gid(7), request: imageReq({ imageCount: 1 }), source, creditsUsed: 40, mode: 'sandbox' })
    expect(job).toMatchObject({ status: 'submitted', generationId: gid(7), creditsUsed: 40, source })
    await q.idle()
    const listed = (await q.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === job.id) as Job
    expect(listed).toMatchObject({ status: 'succeeded', assetIds: [`${job.id}-0`], source })
    expect(h.krev.posts).toEqual([])
    expect(h.krev.polls).toContain(gid(7))
  })

  it('the same generation adopted again (a later poll, a restart) answers the job it has', async () => {
    const q = start(h)
    const [a, b] = await Promise.all([
      q.service.adopt({ generationId: gid(8), request: imageReq(), source, mode: 'sandbox' }),
      q.service.adopt({ generationId: gid(8), request: imageReq(), source, mode: 'sandbox' })
    ])
    expect(b.id).toBe(a.id)
    await q.idle()
    q.dispose()
    const again = start(h)
    const c = await again.service.adopt({ generationId: gid(8), request: imageReq(), source, mode: 'sandbox' })
    expect(c.id).toBe(a.id)
    expect(storedJob(h, a.id)).toMatchObject({ status: 'succeeded', source })
    expect((await again.handlers['queue.list']({}, ctx)).jobs).toHaveLength(1)
  })

  it('refuses a generation of the other mode or without an id, creating nothing', async () => {
    const q = start(h)
    await expect(q.service.adopt({ generationId: gid(9), request: imageReq(), source, mode: 'krev' })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(q.service.adopt({ generationId: '', request: imageReq(), source, mode: 'sandbox' })).rejects.toMatchObject({ code: 'invalid_input' })
    expect((await q.handlers['queue.list']({}, ctx)).jobs).toEqual([])
  })
})
