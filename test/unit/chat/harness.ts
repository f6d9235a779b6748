import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { ChatRun, Envelope, EventName } from '../../../src-preload/contract'
import { createChatFeature, type ChatFeature, type ChatFeatureDeps } from '../../../src-main/chat/create-chat'
import { createChatStore, type ChatMode } from '../../../src-main/chat/chat-store'
import { EventBus } from '../../../src-main/ipc/event-bus'
import { createRouter, type Router } from '../../../src-main/ipc/router'
import { T0, fakeConnection, fakeKrev, iso, runState, type FakeConnection, type FakeKrev, type FakeSleep } from './fakes'
import { withUnusedHandlers } from '../../support/handlers'

/**
 * The chat feature in-process for unit tests: the router validates every input and
 * output against the contract, a scripted client answers, a fake sleep makes polling
 * instant. Fresh folder, client, connection and bus for every test.
 */

export interface Harness {
  dataDir: string
  krev: FakeKrev
  conn: FakeConnection
  bus: EventBus
  events: { name: EventName; payload: unknown }[]
  features: ChatFeature[]
}

export function useHarness(): Harness {
  const h = {} as Harness
  beforeEach(async () => {
    h.dataDir = await mkdtemp(join(tmpdir(), 'krev-chat-'))
    h.krev = fakeKrev()
    h.conn = fakeConnection({ sandbox: h.krev.client })
    h.events = []
    h.bus = new EventBus((name, issue) => h.events.push({ name: 'app.notice', payload: { invalid: name, issue } }))
    h.bus.subscribe((name, payload) => h.events.push({ name, payload }))
    h.features = []
  })
  afterEach(async () => {
    for (const f of h.features) f.dispose()
    await rm(h.dataDir, { recursive: true, force: true })
  })
  return h
}

export function start(
  h: Harness,
  sleep: FakeSleep,
  extra: Partial<ChatFeatureDeps> = {}
): { feature: ChatFeature; router: Router } {
  const feature = createChatFeature({ connection: h.conn, bus: h.bus, dataDir: h.dataDir, sleep: sleep.sleep, now: () => T0, ...extra })
  h.features.push(feature)
  return { feature, router: createRouter(withUnusedHandlers(feature.handlers)) }
}

export async function call<T>(router: Router, name: string, input: unknown): Promise<T> {
  const reply = (await router.dispatch(name, input, { transport: 'test' })) as Envelope<T>
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { shape: reply.error })
  return reply.data
}

export const send = (router: Router, input: Record<string, unknown>) =>
  call<ChatRun>(router, 'chat.send', { message: 'Make three ad concepts', ...input })
export const runEvents = (h: Harness) => h.events.filter((e) => e.name === 'chat.run').map((e) => e.payload as ChatRun)
export const notices = (h: Harness) => h.events.filter((e) => e.name === 'app.notice').map((e) => e.payload as { message: string })
/** The conversations saved for a mode, as a restarted studio would read them. */
export const stored = async (h: Harness, mode: ChatMode = 'sandbox') => createChatStore(h.dataDir).load(mode)

/** A finished (or failed) run as GET /chat/runs/{id} would answer it. */
export const answer = (runId: string, text: string, status = 'succeeded', ids: string[] = []) =>
  runState(runId, {
    status,
    assistant_text: text,
    generation_ids: ids,
    media_urls: ['https://cdn.krev.example/signed.webp?sig=1'],
    messages: [
      { id: `${runId}-u`, role: 'user', content: 'Make three ad concepts', created_at: iso() },
      { id: `${runId}-a`, role: 'assistant', content: text, created_at: iso() }
    ]
  })
