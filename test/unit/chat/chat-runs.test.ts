import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/core/app-error'
import { CONV, PRODUCT, fakeConnection, fakeKrev, fakeSleep, iso, offline, runState, until } from './fakes'
import { answer, call, runEvents, send, start, stored, useHarness } from './harness'

/**
 * Sending and following chat runs: saved before the answer, polled with an adaptive
 * interval, every change published, faults survived, restarts and mode switches handled.
 */

const h = useHarness()

describe('chat.send', () => {
  it('sends, saves the run before answering, and answers the queued run with the user message', async () => {
    const sleep = fakeSleep(false)
    const { router } = start(h, sleep)
    const run = await send(router, { productIds: [PRODUCT], referenceImages: ['https://example.com/ref.jpg'], agent: 'asset' })

    expect(h.krev.started).toEqual([
      { message: 'Make three ad concepts', agent: 'asset', product_ids: [PRODUCT], reference_images: ['https://example.com/ref.jpg'] }
    ])
    expect(run).toMatchObject({ runId: 'run-1', conversationId: CONV, status: 'queued', assistantText: '', error: null })
    expect(run.messages).toEqual([
      // What was attached is kept on the message (Krev's transcript never lists it).
      {
        id: 'run-1-u',
        role: 'user',
        text: 'Make three ad concepts',
        createdAt: iso(),
        generationIds: [],
        mediaUrls: [],
        productIds: [PRODUCT],
        referenceImages: ['https://example.com/ref.jpg']
      }
    ])
    // On disk already, and no poll has happened yet.
    expect(h.krev.polls).toEqual([])
    const file = await stored(h)
    expect(file.conversations[0]).toMatchObject({ id: CONV, title: 'Make three ad concepts', runs: [{ runId: 'run-1', status: 'queued' }] })
  })

  it('polls with an adaptive interval and publishes every change until the run is over', async () => {
    h.krev.script.set('run-1', [
      ...Array.from({ length: 5 }, () => runState('run-1')),
      runState('run-1', { status: 'running' }),
      runState('run-1', { status: 'running' }),
      answer('run-1', 'Concept 1: Built for long days', 'succeeded', ['g1'])
    ])
    const sleep = fakeSleep()
    const { feature, router } = start(h, sleep)
    await send(router, {})
    await feature.service.idle()

    expect(sleep.calls).toEqual([1000, 1500, 2250, 3375, 5063, 6000, 1000, 1500])
    const seen = runEvents(h)
    expect(seen.map((r) => r.status)).toEqual(['running', 'succeeded'])
    const done = seen.at(-1)!
    expect(done.assistantText).toBe('Concept 1: Built for long days')
    expect(done.generationIds).toEqual(['g1'])
    expect(done.messages.map((m) => [m.role, m.text, m.generationIds, m.mediaUrls])).toEqual([
      ['user', 'Make three ad concepts', [], []],
      ['assistant', 'Concept 1: Built for long days', ['g1'], []]
    ])
    expect((await stored(h)).conversations[0].runs[0].status).toBe('succeeded')
    expect(h.krev.polls).toHaveLength(8)
  })

  it('a 403 (Meta campaign change) shows Krev’s own message and stores nothing', async () => {
    h.krev.startError = new AppError('forbidden', 'Your API key isn’t allowed to do this.', {
      status: 403,
      serverMessage: 'Meta campaign and account changes are not available in the public chat API'
    })
    const { router } = start(h, fakeSleep())
    const error = await send(router, { message: 'Pause my Meta campaign' }).catch((e: { shape: unknown }) => e.shape)
    expect(error).toMatchObject({ code: 'forbidden', retryable: false })
    expect((error as { message: string }).message).toMatch(/^Meta campaign and account changes are not available in the public chat API\. Make/)
    expect(await call(router, 'chat.conversations', {})).toEqual({ items: [] })
  })

  it('offline: the send fails clearly and the connection hears about it', async () => {
    h.krev.startError = offline()
    const { router } = start(h, fakeSleep())
    await expect(send(router, {})).rejects.toThrow(/Could not reach Krev/)
    expect(h.conn.reported).toEqual([false])
  })
})

describe('polling through faults', () => {
  it('offline polls back off (5 s, 10 s, 20 s…) and the run finishes once Krev answers', async () => {
    h.krev.script.set('run-1', [offline(), offline(), offline(), answer('run-1', 'Back online')])
    const sleep = fakeSleep()
    const { feature, router } = start(h, sleep)
    await send(router, {})
    await feature.service.idle()
    expect(sleep.calls).toEqual([1000, 5000, 10000, 20000])
    expect(h.conn.reported).toEqual([true, false, false, false, true]) // the POST, three failed polls, the answer
    expect(runEvents(h).at(-1)).toMatchObject({ status: 'succeeded', assistantText: 'Back online' })
  })

  it('the backoff is capped at a minute: no retry storm, and the run is never dropped', async () => {
    h.krev.script.set('run-1', [...Array.from({ length: 8 }, offline), answer('run-1', 'ok')])
    const sleep = fakeSleep()
    const { feature, router } = start(h, sleep)
    await send(router, {})
    await feature.service.idle()
    expect(sleep.calls).toEqual([1000, 5000, 10000, 20000, 40000, 60000, 60000, 60000, 60000])
  })

  it('resumes at once when the connection reports online, without waiting out the backoff', async () => {
    h.krev.script.set('run-1', [offline(), answer('run-1', 'Resumed')])
    const sleep = fakeSleep(false)
    const { router } = start(h, sleep)
    await send(router, {})
    await until(() => sleep.pending.length === 1)
    sleep.pending[0]!.release()
    await until(() => sleep.pending[0]?.ms === 5000, 'the offline backoff')
    expect(h.conn.status().online).toBe(false)
    h.conn.reportOnline(true)
    await until(() => runEvents(h).some((r) => r.status === 'succeeded'), 'the run to finish')
    expect(h.krev.polls).toEqual(['run-1', 'run-1'])
  })

  it('a run Krev no longer knows ends as failed with a message', async () => {
    h.krev.script.set('run-1', [new AppError('not_found', 'gone', { status: 404 })])
    const sleep = fakeSleep()
    const { feature, router } = start(h, sleep)
    await send(router, {})
    await feature.service.idle()
    expect(runEvents(h).at(-1)).toMatchObject({ status: 'failed', error: expect.stringMatching(/no longer has this request/) })
  })
})

describe('restart and modes', () => {
  it('a new instance on the same folder resumes the runs left unfinished', async () => {
    const first = start(h, fakeSleep(false))
    await send(first.router, {})
    first.feature.dispose()

    h.krev.script.set('run-1', [answer('run-1', 'Finished after the restart')])
    const second = start(h, fakeSleep())
    await second.feature.resume()
    await second.feature.service.idle()
    expect(runEvents(h).at(-1)).toMatchObject({ runId: 'run-1', status: 'succeeded', assistantText: 'Finished after the restart' })
    expect((await stored(h)).conversations[0].runs[0].status).toBe('succeeded')
  })

  it('keeps sandbox and Krev chats apart and polls only the active mode’s runs', async () => {
    const real = fakeKrev()
    h.conn = fakeConnection({ sandbox: h.krev.client, krev: real.client })
    h.krev.script.set('run-1', ['hang'])
    const sleep = fakeSleep(false)
    const { router } = start(h, sleep)
    await send(router, {})
    await until(() => sleep.pending.length === 1)

    h.conn.setMode('krev')
    await until(() => sleep.pending.length === 0, 'the sandbox poller to stop')
    expect(await call(router, 'chat.conversations', {})).toEqual({ items: [] })

    h.krev.script.set('run-1', [answer('run-1', 'Sandbox answer')])
    h.conn.setMode('sandbox')
    await until(() => sleep.pending.length === 1, 'the sandbox run to be picked up again')
    sleep.pending[0]!.release()
    await until(() => runEvents(h).some((r) => r.status === 'succeeded'))
    expect(real.polls).toEqual([])
    const list = await call<{ items: { id: string }[] }>(router, 'chat.conversations', {})
    expect(list.items.map((c) => c.id)).toEqual([CONV])
  })
})

