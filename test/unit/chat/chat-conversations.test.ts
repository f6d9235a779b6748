import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ChatRun } from '../../../src-preload/contract'
import { AppError } from '../../../src-main/core/app-error'
import { CONV, T0, fakeSleep, iso, offline } from './fakes'
import { answer, call, notices, send, start, stored, useHarness } from './harness'

/** Listing and opening conversations (local first, refreshed from Krev), and the store on disk. */

const h = useHarness()

describe('conversations', () => {
  it('lists summaries newest first from the local store, with no network at all', async () => {
    h.krev.script.set('run-1', [answer('run-1', 'one')])
    h.krev.script.set('run-2', [answer('run-2', 'two', 'failed')])
    const sleep = fakeSleep()
    let clock = T0
    const { feature, router } = start(h, sleep, { now: () => (clock += 1000) })
    await send(router, { message: '  First   brief about totes  ' })
    await send(router, { message: 'Second brief' })
    await feature.service.idle()

    h.krev.client.getConversation = async () => {
      throw offline()
    }
    const { items } = await call<{ items: unknown[] }>(router, 'chat.conversations', {})
    expect(items).toEqual([
      { id: 'c-2', title: 'Second brief', agent: 'auto', updatedAt: expect.any(String), lastStatus: 'failed' },
      { id: CONV, title: 'First brief about totes', agent: 'auto', updatedAt: expect.any(String), lastStatus: 'succeeded' }
    ])
  })

  it('opening one refreshes from Krev, merges by id and never loses a local message', async () => {
    h.krev.script.set('run-1', [answer('run-1', 'Concepts')])
    const sleep = fakeSleep()
    const { feature, router } = start(h, sleep)
    await send(router, {})
    await feature.service.idle()

    h.krev.conversations.set(CONV, {
      id: CONV,
      messages: [
        { id: 'run-1-a', role: 'assistant', content: 'Concepts (edited)', created_at: iso() },
        { id: 'other-u', role: 'user', content: 'From the Krev app', created_at: iso(5000) },
        { id: 'other-a', role: 'assistant', content: 'Sure', created_at: iso(6000) }
      ]
    })
    const out = await call<{ messages: { id: string; text: string }[]; activeRun: ChatRun | null }>(router, 'chat.conversation', { id: CONV })
    expect(out.messages.map((m) => [m.id, m.text])).toEqual([
      ['run-1-u', 'Make three ad concepts'],
      ['run-1-a', 'Concepts (edited)'],
      ['other-u', 'From the Krev app'],
      ['other-a', 'Sure']
    ])
    expect(out.activeRun).toMatchObject({ runId: 'run-1', status: 'succeeded' })

    // Offline: the saved copy, including what the refresh brought.
    h.krev.conversations.set(CONV, offline())
    const again = await call<{ messages: unknown[] }>(router, 'chat.conversation', { id: CONV })
    expect(again.messages).toHaveLength(4)
  })

  it('a Krev that never answers delays opening by the refresh timeout only', async () => {
    h.krev.script.set('run-1', [answer('run-1', 'Concepts')])
    const { feature, router } = start(h, fakeSleep(), { refreshTimeoutMs: 30 })
    await send(router, {})
    await feature.service.idle()
    h.krev.client.getConversation = (_id, signal) =>
      new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new AppError('cancelled', 'Cancelled.'))))
    const out = await call<{ messages: unknown[] }>(router, 'chat.conversation', { id: CONV })
    expect(out.messages).toHaveLength(2)
  })

  it('an unknown conversation is not_found', async () => {
    const { router } = start(h, fakeSleep())
    await expect(call(router, 'chat.conversation', { id: 'c9999999-0000-4000-8000-000000000009' })).rejects.toMatchObject({
      shape: { code: 'not_found' }
    })
  })
})

describe('the store on disk', () => {
  it('stays bounded: 200 conversations, 500 messages each', async () => {
    const conversations = Array.from({ length: 205 }, (_, i) => ({
      id: `old-${i}`,
      title: `Old ${i}`,
      createdAt: iso(-1e9 + i),
      updatedAt: iso(-1e9 + i),
      messages: Array.from({ length: i === 204 ? 510 : 1 }, (_, j) => ({
        id: `m-${i}-${j}`,
        role: 'user',
        text: 'x',
        createdAt: iso(-1e9 + j),
        generationIds: [],
        mediaUrls: []
      })),
      runs: []
    }))
    await mkdir(join(h.dataDir, 'chat', 'sandbox'), { recursive: true })
    await writeFile(join(h.dataDir, 'chat', 'sandbox', 'conversations.json'), JSON.stringify({ format: 1, conversations }))
    const { router } = start(h, fakeSleep(false))
    await send(router, {})

    const file = await stored(h)
    expect(file.conversations).toHaveLength(200)
    const ids = new Set(file.conversations.map((c: { id: string }) => c.id))
    expect(ids.has(CONV)).toBe(true)
    expect(ids.has('old-5')).toBe(false)
    expect(ids.has('old-6')).toBe(true)
    expect(file.conversations.find((c: { id: string }) => c.id === 'old-204')?.messages).toHaveLength(500)
  })

  it('a corrupt file is backed up, the list starts empty with a notice, and new chats are saved', async () => {
    await mkdir(join(h.dataDir, 'chat', 'sandbox'), { recursive: true })
    await writeFile(join(h.dataDir, 'chat', 'sandbox', 'conversations.json'), 'not json at all')
    const { feature, router } = start(h, fakeSleep(false))
    expect(await call(router, 'chat.conversations', {})).toEqual({ items: [] })
    expect(notices(h)).toEqual([expect.objectContaining({ message: expect.stringMatching(/damaged.*kept as conversations\.corrupt-/) })])
    // Kept for the window, which may not have been listening yet.
    expect(feature.startupNotices()).toHaveLength(1)
    const names = await readdir(join(h.dataDir, 'chat', 'sandbox'))
    expect(names.some((n) => n.startsWith('conversations.corrupt-'))).toBe(true)

    await send(router, {})
    expect((await stored(h)).conversations).toHaveLength(1)
  })
})
