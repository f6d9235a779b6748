import type { Connection } from '../../../src-preload/contract'
import { AppError } from '../../../src-main/core/app-error'
import type { ChatParams, ChatConversation, ChatRunState, KrevClient } from '../../../src-main/krev/types'
import type { ChatMode } from '../../../src-main/chat/chat-store'

/** Scripted stand-ins for the Krev client, the connection and time. No real waiting. */

export const T0 = Date.parse('2026-03-01T10:00:00.000Z')
export const iso = (offsetMs = 0) => new Date(T0 + offsetMs).toISOString()
export const CONV = 'c0000000-0000-4000-8000-000000000001'
export const PRODUCT = 'p0000000-0000-4000-8000-000000000001'

/** What one poll answers: a state, an error to throw, or a promise that never settles. */
export type Step = ChatRunState | AppError | 'hang'

export interface FakeKrev {
  client: KrevClient
  started: ChatParams[]
  polls: string[]
  /** Per run id: consumed one per poll; the last step repeats. */
  script: Map<string, Step[]>
  conversations: Map<string, ChatConversation | AppError>
  startError: AppError | null
  runCount: number
}

export const offline = () => new AppError('network', 'Could not reach Krev. Check your internet connection.')

export function runState(runId: string, over: Partial<ChatRunState> = {}): ChatRunState {
  return {
    run_id: runId,
    conversation_id: CONV,
    status: 'queued',
    assistant_text: null,
    messages: [
      { id: `${runId}-u`, role: 'user', content: 'Make three ad concepts', created_at: iso() },
      { id: `${runId}-a`, role: 'assistant', content: '', created_at: iso() }
    ],
    artifacts: [],
    generation_ids: [],
    generations: [],
    media_urls: [],
    error: null,
    ...over
  }
}

export function fakeKrev(): FakeKrev {
  const fake: FakeKrev = {
    started: [],
    polls: [],
    script: new Map(),
    conversations: new Map(),
    startError: null,
    runCount: 0,
    client: null as never
  }
  fake.client = {
    baseUrl: 'https://api.krev.example',
    async startChat(params: ChatParams) {
      fake.started.push(params)
      if (fake.startError) throw fake.startError
      fake.runCount++
      const runId = `run-${fake.runCount}`
      return {
        conversation_id: params.conversation_id ?? (fake.runCount === 1 ? CONV : `c-${fake.runCount}`),
        user_message_id: `${runId}-u`,
        assistant_message_id: `${runId}-a`,
        run_id: runId,
        job_id: `job-${fake.runCount}`,
        status: 'queued',
        poll_url: `https://api.krev.example/api/v1/chat/runs/${runId}`
      }
    },
    async getChatRun(runId: string) {
      fake.polls.push(runId)
      const steps = fake.script.get(runId) ?? [new AppError('not_found', 'gone', { status: 404 })]
      const step = steps.length > 1 ? steps.shift()! : steps[0]!
      if (step === 'hang') return new Promise<never>(() => undefined)
      if (step instanceof AppError) throw step
      return structuredClone(step)
    },
    async getConversation(id: string) {
      const found = fake.conversations.get(id)
      if (!found) throw new AppError('not_found', 'gone', { status: 404 })
      if (found instanceof AppError) throw found
      return structuredClone(found)
    }
  } as unknown as KrevClient
  return fake
}

export interface FakeConnection {
  mode(): ChatMode
  status(): Connection
  client(): Promise<KrevClient>
  reportOnline(online: boolean): void
  onChange(listener: (s: Connection) => void): () => void
  setMode(mode: ChatMode): void
  reported: boolean[]
}

export function fakeConnection(clients: Partial<Record<ChatMode, KrevClient>>, initial: ChatMode = 'sandbox'): FakeConnection {
  const listeners = new Set<(s: Connection) => void>()
  let mode = initial
  let online = true
  const status = (): Connection => ({ mode, label: mode, online })
  const notify = () => listeners.forEach((l) => l(status()))
  const conn: FakeConnection = {
    reported: [],
    mode: () => mode,
    status,
    async client() {
      const c = clients[mode]
      if (!c) throw new AppError('unauthorized', 'No key', { retryable: false })
      return c
    },
    reportOnline(value) {
      conn.reported.push(value)
      if (value === online) return
      online = value
      notify()
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setMode(next) {
      mode = next
      online = true
      notify()
    }
  }
  return conn
}

export interface FakeSleep {
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Every requested wait, in order. */
  calls: number[]
  /** Waits not yet over (only when `auto` is false). */
  pending: { ms: number; release(): void }[]
  /** true: every wait is over at once; false: waits last until released or aborted. */
  auto: boolean
}

export function fakeSleep(auto = true): FakeSleep {
  const fake: FakeSleep = {
    calls: [],
    pending: [],
    auto,
    sleep(ms, signal) {
      fake.calls.push(ms)
      if (fake.auto) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        const entry = {
          ms,
          release: () => {
            fake.pending.splice(fake.pending.indexOf(entry), 1)
            resolve()
          }
        }
        fake.pending.push(entry)
        signal?.addEventListener('abort', () => {
          const at = fake.pending.indexOf(entry)
          if (at >= 0) fake.pending.splice(at, 1)
          reject(new AppError('cancelled', 'Cancelled.'))
        })
      })
    }
  }
  return fake
}

/** Lets promises and file I/O run until `check` holds (fails after ~2 s of real time). */
export async function until(check: () => boolean | Promise<boolean>, what = 'condition'): Promise<void> {
  const deadline = Date.now() + 2_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setImmediate(r))
  }
}
