import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createChatStore } from '../../../src-main/chat/chat-store'
import { newConversation } from '../../../src-main/chat/conversation-model'
import type { Notice } from '../../../src-main/settings/json-store'
import { iso } from './fakes'

/** conversations.json: per mode, atomic, damaged files kept aside with a notice. */

let dir: string
let notices: Notice[]
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-chat-store-'))
  notices = []
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const fileOf = (mode: string) => join(dir, 'chat', mode, 'conversations.json')

describe('chat store', () => {
  it('keeps sandbox and Krev conversations in separate files', async () => {
    const store = createChatStore(dir)
    await store.save('sandbox', () => [newConversation('s1', 'sandbox one', iso())])
    await store.save('krev', () => [newConversation('k1', 'real one', iso())])
    expect((await store.load('sandbox')).conversations.map((c) => c.id)).toEqual(['s1'])
    expect((await store.load('krev')).conversations.map((c) => c.id)).toEqual(['k1'])
  })

  it('a missing file is an empty, writable list', async () => {
    expect(await createChatStore(dir).load('krev')).toEqual({ conversations: [], writable: true })
  })

  it('a damaged file is moved aside, the list starts empty, and the creator is told', async () => {
    await mkdir(join(dir, 'chat', 'krev'), { recursive: true })
    await writeFile(fileOf('krev'), '{"format":1,"conversations":[{"id":')
    const store = createChatStore(dir, (n) => notices.push(n))
    const loaded = await store.load('krev')
    expect(loaded).toEqual({ conversations: [], writable: true })
    const names = await readdir(join(dir, 'chat', 'krev'))
    const kept = names.find((n) => n.startsWith('conversations.corrupt-'))
    expect(kept).toBeDefined()
    expect(await readFile(join(dir, 'chat', 'krev', kept!), 'utf8')).toBe('{"format":1,"conversations":[{"id":')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ level: 'warning' })
    expect(notices[0]!.message).toContain(kept!)
  })

  it('a foreign document is treated the same way', async () => {
    await mkdir(join(dir, 'chat', 'sandbox'), { recursive: true })
    await writeFile(fileOf('sandbox'), '[1,2,3]')
    const store = createChatStore(dir, (n) => notices.push(n))
    expect((await store.load('sandbox')).conversations).toEqual([])
    expect(notices[0]!.message).toMatch(/sandbox chats were damaged/)
  })

  it('one bad conversation or message costs only itself', async () => {
    const good = newConversation('c1', 'hello', iso())
    good.messages = [
      { id: 'm1', role: 'user', text: 'hello', createdAt: iso(), generationIds: [], mediaUrls: [] },
      { id: 'm2', role: 'wizard', text: 'bad role' } as never
    ]
    await mkdir(join(dir, 'chat', 'krev'), { recursive: true })
    await writeFile(fileOf('krev'), JSON.stringify({ format: 1, conversations: [good, { id: 42 }, 'junk'] }))
    const loaded = await createChatStore(dir, (n) => notices.push(n)).load('krev')
    expect(loaded.conversations.map((c) => c.id)).toEqual(['c1'])
    expect(loaded.conversations[0]!.messages.map((m) => m.id)).toEqual(['m1'])
    expect(notices).toEqual([])
  })

  it('sweeps temp files a crash left behind, and never leaves its own', async () => {
    await mkdir(join(dir, 'chat', 'krev'), { recursive: true })
    await writeFile(join(dir, 'chat', 'krev', '.conversations.json.0123456789ab.tmp'), 'half')
    const store = createChatStore(dir)
    await store.load('krev')
    await Promise.all([1, 2, 3].map((i) => store.save('krev', () => [newConversation(`c${i}`, 'x', iso())])))
    expect(await readdir(join(dir, 'chat', 'krev'))).toEqual(['conversations.json'])
  })

  it('queued saves write the newest state, and a failed write is reported to every waiting caller', async () => {
    const store = createChatStore(dir)
    let state = [newConversation('a', 'x', iso())]
    const first = store.save('krev', () => state)
    state = [newConversation('b', 'x', iso())]
    const second = store.save('krev', () => state)
    await Promise.all([first, second])
    expect(JSON.parse(await readFile(fileOf('krev'), 'utf8')).conversations[0].id).toBe('b')

    // A directory where the file should be: the write fails, and the caller hears about it.
    await mkdir(join(dir, 'chat', 'blocked', 'conversations.json'), { recursive: true })
    await expect(store.save('blocked' as never, () => state)).rejects.toThrow()
  })
})
