import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as legacy from '../../../src-main/db/legacy-import'
import { sharedStudioDatabase } from '../../../src-main/db/studio-database'
import { createChatStore } from '../../../src-main/chat/chat-store'
import { newConversation } from '../../../src-main/chat/conversation-model'
import type { Notice } from '../../../src-main/settings/json-store'
import { iso } from './fakes'

/** Chats in the database per mode; the conversations.json files of before imported once, damaged ones kept aside with a notice. */

let dir: string
let notices: Notice[]
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-chat-store-'))
  notices = []
})
afterEach(async () => {
  vi.restoreAllMocks()
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

  it('sweeps temp files a crash of before left behind, and writes no file of its own', async () => {
    await mkdir(join(dir, 'chat', 'krev'), { recursive: true })
    await writeFile(join(dir, 'chat', 'krev', '.conversations.json.0123456789ab.tmp'), 'half')
    const store = createChatStore(dir)
    await store.load('krev')
    await Promise.all([1, 2, 3].map((i) => store.save('krev', () => [newConversation(`c${i}`, 'x', iso())])))
    expect(await readdir(join(dir, 'chat', 'krev'))).toEqual([])
    expect((await createChatStore(dir).load('krev')).conversations.map((c) => c.id)).toEqual(['c3'])
  })

  it('imports today’s file with its messages and runs, then keeps it aside; a file that could not be moved is imported again without doubles', async () => {
    const c = newConversation('c1', 'hello', iso())
    c.messages = [
      { id: 'm1', role: 'user', text: 'hello', createdAt: iso(), generationIds: [], mediaUrls: [] },
      { id: 'm2', role: 'assistant', text: 'hi', createdAt: iso(1), generationIds: ['g1'], mediaUrls: ['https://cdn.example/a.webp'] }
    ]
    c.runs = [
      { runId: 'r1', status: 'running', assistantText: '', generationIds: [], error: null, userMessageId: 'm1', assistantMessageId: 'm2', createdAt: iso(), updatedAt: iso() }
    ]
    await mkdir(join(dir, 'chat', 'sandbox'), { recursive: true })
    await writeFile(fileOf('sandbox'), JSON.stringify({ format: 1, conversations: [c] }, null, 2))
    const rename = vi.spyOn(legacy, 'renameIfPresent').mockRejectedValueOnce(new Error('EACCES'))
    expect((await createChatStore(dir).load('sandbox')).conversations).toEqual([c])
    expect(await readdir(join(dir, 'chat', 'sandbox'))).toContain('conversations.json')
    rename.mockRestore()

    const loaded = await createChatStore(dir).load('sandbox')
    expect(loaded).toEqual({ conversations: [c], writable: true })
    const names = await readdir(join(dir, 'chat', 'sandbox'))
    expect(names.filter((n) => n.startsWith('conversations.json.imported-'))).toHaveLength(1)
    expect(names).not.toContain('conversations.json')
    expect((await createChatStore(dir).load('krev')).conversations).toEqual([])
  })

  it('a damaged message row costs only itself; a save rewrites only what changed', async () => {
    const store = createChatStore(dir)
    const a = newConversation('a', 'x', iso())
    a.messages = [
      { id: 'm1', role: 'user', text: 'one', createdAt: iso(), generationIds: [], mediaUrls: [] },
      { id: 'm2', role: 'user', text: 'two', createdAt: iso(1), generationIds: [], mediaUrls: [] }
    ]
    const b = newConversation('b', 'y', iso())
    await store.save('krev', () => [a, b])
    const db = sharedStudioDatabase(dir)
    db.prepare("UPDATE chat_messages SET data = '{' WHERE id = 'm1'").run()
    const loaded = await createChatStore(dir).load('krev')
    expect(loaded.conversations.find((c) => c.id === 'a')!.messages.map((m) => m.id)).toEqual(['m2'])

    // b changes; a, unchanged since this store loaded it, is not rewritten (its damaged row stays as it is).
    const again = createChatStore(dir)
    const [la, lb] = (await again.load('krev')).conversations.sort((x, y) => x.id.localeCompare(y.id))
    await again.save('krev', () => [la!, { ...lb!, title: 'renamed' }])
    expect(db.prepare("SELECT data FROM chat_messages WHERE id = 'm1'").pluck().get()).toBe('{')
    expect((await createChatStore(dir).load('krev')).conversations.find((c) => c.id === 'b')!.title).toBe('renamed')
    await again.save('krev', () => [lb!])
    expect((await createChatStore(dir).load('krev')).conversations.map((c) => c.id)).toEqual(['b'])
  })

  it('queued saves write the newest state, and a failed write is reported to every waiting caller', async () => {
    const store = createChatStore(dir)
    let state = [newConversation('a', 'x', iso())]
    const first = store.save('krev', () => state)
    state = [newConversation('b', 'x', iso())]
    const second = store.save('krev', () => state)
    await Promise.all([first, second])
    expect((await createChatStore(dir).load('krev')).conversations.map((c) => c.id)).toEqual(['b'])

    // A write the database refuses (no such mode): the caller hears about it.
    await expect(store.save('blocked' as never, () => state)).rejects.toThrow()
  })
})
