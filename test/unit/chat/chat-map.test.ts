import { describe, expect, it } from 'vitest'
import { isoTime, mapTranscript, readRun, runStatusOf } from '../../../src-main/chat/chat-map'
import {
  enforceBounds,
  mergeMessages,
  newConversation,
  runView,
  titleFrom,
  type StoredConversation
} from '../../../src-main/chat/conversation-model'
import { chatRun } from '../../../src-preload/contract'
import { iso, runState } from './fakes'

/** From the API's chat shapes to the contract's, and the local conversation model. */

describe('mapping the API to the contract', () => {
  it('normalises statuses; unknown ones keep a run polling', () => {
    expect(runStatusOf('queued')).toBe('queued')
    expect(runStatusOf('COMPLETED')).toBe('succeeded')
    expect(runStatusOf('error')).toBe('failed')
    expect(runStatusOf('canceled')).toBe('cancelled')
    expect(runStatusOf('thinking-hard')).toBe('running')
    expect(runStatusOf(undefined)).toBe('running')
  })

  it('normalises times so they sort as strings, and rejects junk', () => {
    expect(isoTime('2026-03-01T10:00:00Z')).toBe('2026-03-01T10:00:00.000Z')
    expect(isoTime('yesterday')).toBe('')
    expect(isoTime('x'.repeat(100))).toBe('')
    expect(isoTime(42)).toBe('')
  })

  it('maps roles, drops system and id-less messages and empty placeholders, never passes remote media', () => {
    const out = mapTranscript([
      { id: 'm1', role: 'user', content: 'hi', created_at: '2026-03-01T10:00:00Z' },
      { id: 'm2', role: 'system', content: 'you are an agent', created_at: '' },
      { id: 'm3', role: 'function', content: '{"tool":"generate_image"}', created_at: '' },
      { id: '', role: 'assistant', content: 'no id', created_at: '' },
      { id: 'x'.repeat(200), role: 'assistant', content: 'long id', created_at: '' },
      { id: 'm4', role: 'assistant', content: '   ', created_at: '' }
    ])
    expect(out).toEqual([
      { id: 'm1', role: 'user', text: 'hi', createdAt: '2026-03-01T10:00:00.000Z', generationIds: [], mediaUrls: [] },
      { id: 'm3', role: 'tool', text: '{"tool":"generate_image"}', createdAt: '', generationIds: [], mediaUrls: [] }
    ])
  })

  it('reads a run: assistant text fills the placeholder, generation ids go on the answer, media stays local-only', () => {
    const state = runState('run-1', {
      status: 'succeeded',
      assistant_text: 'Concept 1: …',
      generation_ids: ['g1', 'g2', 'g1'],
      media_urls: ['https://cdn.krev.example/signed/img.webp?sig=abc']
    })
    const r = readRun(state, { userMessageId: 'run-1-u', assistantMessageId: 'run-1-a', userText: 'Make three ad concepts' })
    expect(r.status).toBe('succeeded')
    expect(r.assistantText).toBe('Concept 1: …')
    expect(r.generationIds).toEqual(['g1', 'g2'])
    expect(r.error).toBeNull()
    expect(r.messages.map((m) => [m.id, m.role, m.text, m.generationIds])).toEqual([
      ['run-1-u', 'user', 'Make three ad concepts', []],
      ['run-1-a', 'assistant', 'Concept 1: …', ['g1', 'g2']]
    ])
    expect(r.messages.every((m) => m.mediaUrls.length === 0)).toBe(true)
  })

  it('hides the assistant placeholder while the agent works', () => {
    const r = readRun(runState('run-1', { status: 'running' }), { userMessageId: 'run-1-u', assistantMessageId: 'run-1-a', userText: '' })
    expect(r.messages.map((m) => m.id)).toEqual(['run-1-u'])
    expect(r.assistantText).toBe('')
  })

  it('adopts the server ids when we only had local ones', () => {
    const r = readRun(runState('run-1', { status: 'running', assistant_text: 'Working on it' }), {
      userMessageId: 'local-run-1-user',
      assistantMessageId: 'local-run-1-assistant',
      userText: 'Make three ad concepts'
    })
    expect(r.refs).toMatchObject({ userMessageId: 'run-1-u', assistantMessageId: 'run-1-a' })
  })

  it('synthesises the answer from assistant_text when the transcript has none', () => {
    const r = readRun(runState('run-1', { status: 'succeeded', messages: [], assistant_text: 'Done' }), {
      userMessageId: 'run-1-u',
      assistantMessageId: 'run-1-a',
      userText: ''
    })
    expect(r.messages).toEqual([{ id: 'run-1-a', role: 'assistant', text: 'Done', createdAt: '', generationIds: [], mediaUrls: [] }])
  })

  it('gives a failed run an error a creator can read', () => {
    const refs = { userMessageId: 'u', assistantMessageId: 'a', userText: '' }
    expect(readRun(runState('r', { status: 'failed' }), refs).error).toMatch(/couldn’t finish/)
    expect(readRun(runState('r', { status: 'failed', error: 'Out of credits' }), refs).error).toBe('Out of credits')
  })
})

describe('the local conversation model', () => {
  const msg = (id: string, at: number, text = id) => ({
    id,
    role: 'user' as const,
    text,
    createdAt: iso(at),
    generationIds: [],
    mediaUrls: []
  })

  it('titles are the first message on one line, about 60 characters', () => {
    expect(titleFrom('  Make three\n ad concepts ')).toBe('Make three ad concepts')
    const long = titleFrom('word '.repeat(40))
    expect(long.length).toBeLessThanOrEqual(60)
    expect(long.endsWith('…')).toBe(true)
    expect(titleFrom('   ')).toBe('New brief')
  })

  it('merging never loses a local message, keeps known text and local media, and sorts by time', () => {
    const local = [{ ...msg('a', 0), mediaUrls: ['krev-media://media/x'] }, msg('local-only', 5)]
    const { messages, changed } = mergeMessages(local, [{ ...msg('b', 2) }, { ...msg('a', 0, '  ') }], iso(9))
    expect(changed).toBe(true)
    expect(messages.map((m) => m.id)).toEqual(['a', 'b', 'local-only'])
    expect(messages[0]).toMatchObject({ text: 'a', mediaUrls: ['krev-media://media/x'] })
    expect(mergeMessages(messages, [msg('b', 2)], iso(9)).changed).toBe(false)
  })

  it('renames made-up ids and takes the server time', () => {
    const { messages } = mergeMessages([msg('local-r-user', 5, 'hi')], [msg('srv-u', 1, 'hi')], iso(9), new Map([['local-r-user', 'srv-u']]))
    expect(messages).toEqual([msg('srv-u', 1, 'hi')])
  })

  it('a run view holds the run’s own messages and passes the contract', () => {
    const c: StoredConversation = newConversation('c1', 'first', iso())
    c.messages = [msg('u1', 0), { ...msg('a1', 1), role: 'assistant' }, msg('u2', 2), { ...msg('a2', 3), role: 'assistant' }]
    const base = { status: 'succeeded' as const, assistantText: '', generationIds: [], error: null, createdAt: iso(), updatedAt: iso() }
    c.runs = [
      { ...base, runId: 'r1', userMessageId: 'u1', assistantMessageId: 'a1' },
      { ...base, runId: 'r2', userMessageId: 'u2', assistantMessageId: 'a2' }
    ]
    expect(runView(c, c.runs[0]!).messages.map((m) => m.id)).toEqual(['u1', 'a1'])
    const second = runView(c, c.runs[1]!)
    expect(second.messages.map((m) => m.id)).toEqual(['u2', 'a2'])
    expect(chatRun.safeParse(second).success).toBe(true)
  })

  it('bounds: 200 newest conversations, 500 messages and 50 runs each', () => {
    const byId = new Map<string, StoredConversation>()
    for (let i = 0; i < 205; i++) {
      const c = newConversation(`c${i}`, 'x', iso(i * 1000))
      byId.set(c.id, c)
    }
    const big = byId.get('c204')!
    big.messages = Array.from({ length: 520 }, (_, i) => msg(`m${i}`, i))
    big.runs = Array.from({ length: 60 }, (_, i) => ({
      runId: `r${i}`,
      status: 'succeeded' as const,
      assistantText: '',
      generationIds: [],
      error: null,
      userMessageId: '',
      assistantMessageId: '',
      createdAt: iso(),
      updatedAt: iso()
    }))
    enforceBounds(byId)
    expect(byId.size).toBe(200)
    expect(byId.has('c4')).toBe(false)
    expect(byId.has('c5')).toBe(true)
    expect(big.messages).toHaveLength(500)
    expect(big.messages[0]!.id).toBe('m20')
    expect(big.runs).toHaveLength(50)
    expect(big.runs.at(-1)!.runId).toBe('r59')
  })
})
