import { mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import sharp from 'sharp'
import { afterEach, beforeEach } from 'vitest'
import type { EventName, GenerationRequest, Job } from '../../../src-preload/contract'
import { AppError } from '../../../src-main/core/app-error'
import { createJobsRepo } from '../../../src-main/db/jobs-repo'
import { createPausesRepo } from '../../../src-main/db/pauses-repo'
import { sharedStudioDatabase, studioDatabasePath } from '../../../src-main/db/studio-database'
import { EventBus } from '../../../src-main/ipc/event-bus'
import { markMaybeProcessed } from '../../../src-main/krev/errors'
import type { GenerationStarted, KrevClient, KrevCredits, KrevGeneration } from '../../../src-main/krev/types'
import { createMediaStore, type MediaStore } from '../../../src-main/media/media-store'
import { mediaUrlFactory } from '../../../src-main/media/media-url'
import { createQueueFeature, type QueueFeature } from '../../../src-main/queue/create-queue'
import type { QueueMode, StoredJob } from '../../../src-main/queue/job-model'
import type { BalanceSource } from '../../../src-main/queue/queue-types'
import type { ObservableLimiter } from '../../../src-main/queue/shared-limiter'
import { waitFor } from '../../support/wait-for'

/** Scripted stand-ins for the Krev client, the connection and time. No real waiting. */

export const T0 = Date.parse('2026-03-01T10:00:00.000Z')
export const gid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
export const PRODUCT = 'a0000000-0000-4000-8000-000000000001'

export type PostStep = GenerationStarted | AppError | Error
export type PollStep = Partial<KrevGeneration> | AppError
export type DownloadStep = Buffer | AppError

export const offline = () => new AppError('network', 'Could not reach Krev. Check your internet connection.')
export const maybeProcessed = () =>
  markMaybeProcessed(new AppError('network', 'The connection to Krev dropped after the request was sent.', { retryable: false }))
export const http = (status: number, code: ConstructorParameters<typeof AppError>[0], retryAfterMs?: number) =>
  new AppError(code, `HTTP ${status}`, { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) })
export const expired = () => new AppError('forbidden', 'The download link has expired.', { retryable: false, status: 403 })

export interface FakeKrev {
  client: KrevClient
  posts: { kind: string; params: unknown }[]
  polls: string[]
  downloads: string[]
  postScript: PostStep[]
  pollScript: Map<string, PollStep[]>
  downloadScript: Map<string, DownloadStep[]>
  creditsScript: (KrevCredits | AppError)[]
  creditsCalls: number
  /** Runs inside each POST, before it answers (e.g. to look at the disk). */
  onPost?: () => Promise<void> | void
  png: Buffer
}

export function credits(current: number): KrevCredits {
  return {
    plan: 'pro',
    plan_name: 'Pro',
    credits: { current, limit: 2500, current_formatted: String(current), limit_formatted: '2,500' },
    storage: { used_bytes: 0, limit_bytes: 1, used_formatted: '0', limit_formatted: '1' },
    resets_at: null
  }
}

export async function fakeKrev(): Promise<FakeKrev> {
  const png = await sharp({ create: { width: 1024, height: 768, channels: 3, background: '#446688' } }).png().toBuffer()
  let n = 0
  const f: FakeKrev = {
    posts: [],
    polls: [],
    downloads: [],
    postScript: [],
    pollScript: new Map(),
    downloadScript: new Map(),
    creditsScript: [],
    creditsCalls: 0,
    png,
    client: null as never
  }
  const create = (kind: string) => async (params: unknown): Promise<GenerationStarted> => {
    f.posts.push({ kind, params })
    await f.onPost?.()
    const step = f.postScript.shift()
    if (step instanceof Error) throw step
    if (step) return step
    n++
    return { generation_id: gid(n), urls: [], credits_used: 40 }
  }
  const generation = (id: string, over: Partial<KrevGeneration>): KrevGeneration => ({
    id,
    kind: 'image',
    status: 'succeeded',
    progress: 100,
    output: { urls: [`https://cdn.example/${id}/0.png`] },
    error: null,
    created_at: new Date(T0).toISOString(),
    completed_at: null,
    ...over
  })
  const unused = async (): Promise<never> => {
    throw new Error('unused')
  }
  f.client = {
    baseUrl: 'https://api.krev.example',
    credits: async () => {
      f.creditsCalls++
      const step = f.creditsScript.length > 1 ? f.creditsScript.shift() : f.creditsScript[0]
      if (step instanceof Error) throw step
      return step ?? credits(2500)
    },
    generateImages: create('image') as KrevClient['generateImages'],
    generateVideo: create('video') as KrevClient['generateVideo'],
    generateAd: create('ad') as KrevClient['generateAd'],
    getGeneration: async (id) => {
      f.polls.push(id)
      const script = f.pollScript.get(id) ?? []
      const step = script.length > 1 ? script.shift() : script[0]
      if (step instanceof Error) throw step
      return generation(id, step ?? {})
    },
    downloadMedia: async (url) => {
      f.downloads.push(url)
      const script = f.downloadScript.get(url)
      const step = script && script.length > 0 ? script.shift() : png
      if (step instanceof Error) throw step
      return { data: step as Buffer, mimeType: 'image/png' }
    },
    // Through `downloadMedia`, so its script (and a test replacing it) decides every download.
    downloadMediaFile: async (url, opts) => {
      // As the real client: a stopped studio's signal fails the call before anything is fetched.
      if (opts.signal?.aborted) throw new DOMException('This operation was aborted', 'AbortError')
      const { data, mimeType } = await f.client.downloadMedia(url, opts)
      await writeFile(opts.part, data)
      return { file: opts.part, mimeType, size: data.length }
    },
    listProducts: async () => [],
    getProduct: unused,
    createProduct: unused,
    startChat: unused,
    getChatRun: unused,
    getConversation: unused,
    sendConversion: unused
  }
  return f
}

export interface FakeConnection {
  mode(): QueueMode
  client(): Promise<KrevClient>
  reportOnline(online: boolean): void
  onChange(l: (s: { mode: QueueMode; online: boolean; label: string }) => void): () => void
  reported: boolean[]
  setMode(mode: QueueMode): void
  setOnline(online: boolean): void
  clientError: AppError | null
}

export function fakeConnection(krev: FakeKrev, initial: QueueMode = 'sandbox'): FakeConnection {
  let mode = initial
  const listeners = new Set<(s: { mode: QueueMode; online: boolean; label: string }) => void>()
  const c: FakeConnection = {
    reported: [],
    clientError: null,
    mode: () => mode,
    client: async () => {
      if (c.clientError) throw c.clientError
      return krev.client
    },
    reportOnline: (online) => void c.reported.push(online),
    onChange: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    setMode: (m) => {
      mode = m
      for (const l of listeners) l({ mode, online: true, label: m })
    },
    setOnline: (online) => {
      for (const l of listeners) l({ mode, online, label: mode })
    }
  }
  return c
}

/** A clock that only moves when something sleeps. */
export const clock = { t: T0 }

/**
 * Records every wait and moves the clock by it; resolves on the next macrotask (so loops
 * can't starve the event loop).
 */
export function fakeSleep() {
  const calls: number[] = []
  const sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      calls.push(ms)
      if (signal?.aborted) return reject(new AppError('cancelled', 'Cancelled.'))
      setImmediate(() => {
        if (signal?.aborted) return reject(new AppError('cancelled', 'Cancelled.'))
        clock.t += Math.max(0, ms)
        resolve()
      })
    })
  return Object.assign(sleep, { calls })
}

export const imageReq = (over: Partial<Extract<GenerationRequest, { kind: 'image' }>['params']> = {}): GenerationRequest => ({
  kind: 'image',
  params: { prompt: 'Leather wallet on dark marble', aspectRatio: '4:3', hd: false, imageCount: 1, ...over }
})

export interface Harness {
  dataDir: string
  krev: FakeKrev
  conn: FakeConnection
  media: MediaStore
  events: { name: EventName; payload: unknown }[]
  credits: number
  revealed: string[]
  exportFolder: string | null
  features: QueueFeature[]
}

export function useHarness(): Harness {
  const h = {} as Harness
  beforeEach(async () => {
    clock.t = T0
    h.dataDir = await mkdtemp(join(tmpdir(), 'krev-queue-'))
    h.krev = await fakeKrev()
    h.conn = fakeConnection(h.krev)
    h.media = createMediaStore(h.dataDir)
    h.events = []
    h.credits = 0
    h.revealed = []
    h.exportFolder = null
    h.features = []
  })
  afterEach(async () => {
    for (const f of h.features) f.dispose()
    // A worker stuck on a fake that never answers must not hold the suite.
    // sleep-ok: a bound on teardown (a stuck feature must not hang the suite), not a wait.
    for (const f of h.features) await Promise.race([f.idle().catch(() => undefined), new Promise((r) => setTimeout(r, 200))])
    await rm(h.dataDir, { recursive: true, force: true })
  })
  return h
}

export function start(
  h: Harness,
  opts: {
    sleep?: ReturnType<typeof fakeSleep>
    poll?: number
    download?: number
    media?: MediaStore
    limiter?: ObservableLimiter
    balance?: BalanceSource
    /** The session spending cap setting (credits, 0: none). */
    spendCap?: () => number
  } = {}
): QueueFeature {
  const bus = new EventBus((name, issue) => {
    throw new Error(`invalid event ${name}: ${issue}`)
  })
  bus.subscribe((name, payload) => h.events.push({ name, payload }))
  const feature = createQueueFeature({
    connection: h.conn,
    bus,
    dataDir: h.dataDir,
    settings: { get: () => ({ pollConcurrency: opts.poll ?? 4, downloadConcurrency: opts.download ?? 3, sessionSpendCap: opts.spendCap?.() ?? 0 }) },
    mediaStore: opts.media ?? h.media,
    mediaUrl: mediaUrlFactory('krev-media://media'),
    host: {
      reveal: (p) => void h.revealed.push(p),
      chooseExportFolder: async () => h.exportFolder
    },
    onCreditsMaybeChanged: () => void h.credits++,
    sleep: opts.sleep ?? fakeSleep(),
    ...(opts.limiter ? { limiter: opts.limiter } : {}),
    ...(opts.balance ? { balance: opts.balance } : {}),
    now: () => clock.t
  })
  h.features.push(feature)
  return feature
}

export const ctx = { transport: 'test' as const }
export const jobEvents = (h: Harness, id: string) =>
  h.events.filter((e) => e.name === 'queue.job' && (e.payload as Job).id === id).map((e) => e.payload as Job)
export const states = (h: Harness) => h.events.filter((e) => e.name === 'queue.state').map((e) => e.payload)

/** Waits (real time, short) until `check` holds. */
/** Waits on a condition (test/support/wait-for.ts), within `ms`. */
export const until = (check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> => waitFor(check, { timeoutMs: ms })

/** The harness's ledger, read the way a restarted studio reads it. */
export const ledger = (h: Harness) => createJobsRepo(sharedStudioDatabase(h.dataDir))
/** Reads the ledger through a read-only connection of its own (another process would see the same). */
export function ledgerReadOnly<T>(h: Harness, read: (repo: ReturnType<typeof createJobsRepo>) => T): T {
  const db = new Database(studioDatabasePath(h.dataDir), { readonly: true })
  try {
    return read(createJobsRepo(db))
  } finally {
    db.close()
  }
}
export const storedJob = (h: Harness, id: string, mode: QueueMode = 'sandbox') => ledger(h).get(mode, id)
/** The creator's pause as stored; null when never recorded. */
export const storedPause = (h: Harness, mode: QueueMode = 'sandbox') => createPausesRepo(sharedStudioDatabase(h.dataDir)).get(mode)
export const storePause = (h: Harness, paused: boolean, mode: QueueMode = 'sandbox') =>
  createPausesRepo(sharedStudioDatabase(h.dataDir)).setSync(mode, paused)

/** The folder a studio of before kept the sandbox queue's job files in. */
export const jobsDir = (h: Harness) => join(h.dataDir, 'queue', 'sandbox', 'jobs')

/**
 * A job submitted to a paused studio that then stopped: persisted, never POSTed. Tests edit
 * its row to stand for what a kill at some moment leaves in the database, then start again.
 */
export async function stoppedWithJob(h: Harness): Promise<{ id: string }> {
  const a = start(h)
  await a.resume()
  a.handlers['queue.pause']({}, ctx)
  const job = await a.handlers['generation.submit'](imageReq(), ctx)
  a.dispose()
  await a.idle()
  return { id: job.id }
}

/**
 * One image job submitted to a started studio while Krev keeps answering "processing" at
 * `progress` %: returned once the queue has polled it `polls` times.
 */
export async function pollingJob(h: Harness, polls: number, progress: number): Promise<{ feature: QueueFeature; job: Job }> {
  h.krev.pollScript.set(gid(1), [{ status: 'processing', progress, output: null }])
  const feature = start(h)
  const job = await feature.handlers['generation.submit'](imageReq(), ctx)
  await until(() => h.krev.polls.length >= polls)
  return { feature, job }
}

/** Rewrites a stored job's row in place. */
export function editStoredJob(h: Harness, id: string, edit: (job: Record<string, unknown>) => void): void {
  const stored = storedJob(h, id) as unknown as Record<string, unknown>
  edit(stored)
  ledger(h).saveSync(stored as unknown as StoredJob)
}

/** Turns a stored job back into the job file a studio of before would have left (format 1). */
export function asLegacyJobFile(h: Harness, id: string, edit: (job: Record<string, unknown>) => void = () => undefined): string {
  const stored = storedJob(h, id) as unknown as Record<string, unknown>
  edit(stored)
  ledger(h).removeSync({ id, mode: 'sandbox' })
  mkdirSync(jobsDir(h), { recursive: true })
  const file = join(jobsDir(h), `${id}.json`)
  writeFileSync(file, JSON.stringify({ format: 1, job: stored }, null, 2))
  return file
}
