import type { WireGeneration } from '../krev/wire'
import type { Ledger } from './ledger'
import type { MediaStore } from './media'
import type { UrlSigner } from './signing'
import type { Store } from './store'
import type { AdCopy, GenerationKind, GenerationParams, GenerationRecord, GenerationStatus, UserRecord } from './types'
import { createSemaphore, type Semaphore } from '../core/semaphore'
import { clamp, hash32, isoSeconds, newId } from './util'

export interface RenderedOutput {
  files: Array<{ name: string; data: Buffer }>
  notice: string | null
}

export interface GenerationEngineDeps {
  store: Store
  ledger: Ledger
  media: MediaStore
  /** 1 = realistic timing; larger is faster. */
  speed: number
  concurrency: number
  render: (generation: GenerationRecord) => Promise<RenderedOutput>
  log: (line: string) => void
}

/** Prompt hook for tests and demos: a prompt containing this fails (and is refunded). */
export const FAIL_HOOK = '#sandbox-fail'

/**
 * Asynchronous generations: accepted (and charged) on the request, then queued →
 * processing (progress follows a realistic planned duration) → succeeded with files on
 * disk, or failed with an automatic refund. Rendering runs off the request path with
 * bounded concurrency. Unfinished jobs are picked up again by resume() after a restart.
 */
export class GenerationEngine {
  private readonly slots: Semaphore
  private readonly timers = new Set<NodeJS.Timeout>()
  /** Pending sleeps, released early by close() so no job hangs on a cleared timer. */
  private readonly sleepers = new Set<() => void>()
  private readonly jobs = new Set<Promise<void>>()
  private readonly startedMs = new Map<string, number>()
  private readonly waiters = new Map<string, Array<(g: GenerationRecord) => void>>()
  private closed = false

  constructor(private readonly deps: GenerationEngineDeps) {
    this.slots = createSemaphore(() => deps.concurrency)
  }

  accept(
    user: UserRecord,
    kind: GenerationKind,
    params: GenerationParams,
    price: number,
    opts: { failWith?: string | null; source?: 'api' | 'chat'; adCopy?: AdCopy | null } = {}
  ): GenerationRecord {
    this.deps.ledger.charge(user, price)
    const id = newId()
    const hooked = params.prompt.toLowerCase().includes(FAIL_HOOK) ? 'Generation failed: the model could not render this prompt' : null
    const generation: GenerationRecord = {
      id,
      userId: user.id,
      kind,
      status: 'queued',
      params,
      creditsCharged: price,
      refunded: false,
      outputs: [],
      error: null,
      adCopy: opts.adCopy ?? null,
      notice: null,
      failWith: opts.failWith ?? hooked,
      plannedMs: plannedDuration(kind, params, id),
      source: opts.source ?? 'api',
      createdAt: isoSeconds(),
      startedAt: null,
      completedAt: null
    }
    this.deps.store.generations.set(id, generation)
    this.deps.store.changed()
    this.schedule(generation)
    return generation
  }

  /** After a restart: anything not finished starts over (it was already charged). */
  resume(): void {
    for (const generation of this.deps.store.generations.values()) {
      if (generation.status !== 'queued' && generation.status !== 'processing') continue
      generation.status = 'queued'
      generation.startedAt = null
      this.schedule(generation)
    }
    this.deps.store.changed()
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, ms)
    this.timers.add(timer)
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.sleepers.delete(done)
        resolve()
      }
      this.sleepers.add(done)
      this.later(ms, done)
    })
  }

  private schedule(generation: GenerationRecord): void {
    this.later(800 / this.deps.speed, () => this.track(this.run(generation)))
  }

  private track(job: Promise<void>): void {
    this.jobs.add(job)
    void job.finally(() => this.jobs.delete(job))
  }

  private async run(generation: GenerationRecord): Promise<void> {
    if (this.closed || generation.status === 'failed') return
    generation.status = 'processing'
    generation.startedAt = isoSeconds()
    this.startedMs.set(generation.id, Date.now())
    this.deps.store.changed()
    const planned = generation.plannedMs / this.deps.speed
    const elapsed = this.sleep(generation.failWith ? planned * 0.4 : planned)
    const rendering = generation.failWith ? Promise.resolve(null) : this.slots.run(() =>
          this.closed ? Promise.reject(new Error('sandbox closed')) : this.deps.render(generation)
        )
    const [, outcome] = await Promise.allSettled([elapsed, rendering])
    if (this.closed) return // left "processing" on disk; resume() restarts it
    if ((generation.status as GenerationStatus) === 'failed') return // aborted meanwhile
    if (generation.failWith) return this.fail(generation, generation.failWith)
    if (outcome.status === 'rejected' || !outcome.value) {
      const reason = outcome.status === 'rejected' ? (outcome.reason as Error).message : 'no output'
      this.deps.log(`sandbox: generation ${generation.id} failed: ${reason}`)
      return this.fail(generation, `Generation failed: ${reason}`)
    }
    try {
      for (const file of outcome.value.files) await this.deps.media.write(generation.userId, file.name, file.data)
    } catch (error) {
      return this.fail(generation, `Generation failed: could not store the output (${(error as Error).message})`)
    }
    generation.outputs = outcome.value.files.map((f) => f.name)
    generation.notice = outcome.value.notice
    generation.status = 'succeeded'
    generation.completedAt = isoSeconds()
    this.settle(generation)
  }

  /**
   * Fails an unfinished generation now, with its refund: what a 500 after the work was
   * accepted means at Krev ("Credits are automatically refunded").
   */
  abort(id: string, message: string): void {
    const generation = this.deps.store.generations.get(id)
    if (generation && (generation.status === 'queued' || generation.status === 'processing')) this.fail(generation, message)
  }

  private fail(generation: GenerationRecord, message: string): void {
    generation.status = 'failed'
    generation.error = message
    generation.completedAt = isoSeconds()
    if (!generation.refunded) {
      generation.refunded = true
      this.deps.ledger.refund(generation.userId, generation.creditsCharged)
    }
    this.settle(generation)
  }

  private settle(generation: GenerationRecord): void {
    this.deps.store.changed()
    for (const resolve of this.waiters.get(generation.id) ?? []) resolve(generation)
    this.waiters.delete(generation.id)
  }

  /** Resolves when the generation has succeeded or failed. */
  settled(id: string): Promise<GenerationRecord> {
    const generation = this.deps.store.generations.get(id)
    if (generation && (generation.status === 'succeeded' || generation.status === 'failed')) return Promise.resolve(generation)
    return new Promise((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve]))
  }

  progress(generation: GenerationRecord): number {
    if (generation.status === 'succeeded') return 100
    if (generation.status === 'queued') return 0
    const started = this.startedMs.get(generation.id)
    if (generation.status === 'failed') {
      if (!generation.startedAt || !generation.completedAt) return 0
      const ran = Date.parse(generation.completedAt) - Date.parse(generation.startedAt)
      return clamp(Math.floor((ran * this.deps.speed * 100) / generation.plannedMs), 0, 99)
    }
    if (started === undefined) return 1
    return clamp(Math.floor(((Date.now() - started) * this.deps.speed * 100) / generation.plannedMs), 1, 95)
  }

  /** The documented GET /generations/{id} shape (the wire schema's), with freshly signed URLs. */
  view(generation: GenerationRecord, signer: UrlSigner): WireGeneration {
    return {
      id: generation.id,
      kind: generation.kind,
      status: generation.status,
      progress: this.progress(generation),
      output:
        generation.status === 'succeeded'
          ? { urls: generation.outputs.map((name) => this.deps.media.url(signer, generation.userId, name)) }
          : null,
      error: generation.error,
      created_at: generation.createdAt,
      completed_at: generation.completedAt,
      ...(generation.notice ? { notice: generation.notice } : {}),
      ...(generation.adCopy ? { ad_copy: generation.adCopy } : {})
    }
  }

  async close(): Promise<void> {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    for (const release of [...this.sleepers]) release()
    await Promise.allSettled([...this.jobs])
  }
}

/** Realistic durations at speed 1: images 6–12 s, videos 20–40 s (longer clips take longer). */
function plannedDuration(kind: GenerationKind, params: GenerationParams, id: string): number {
  const jitter = (hash32(id) % 1000) / 1000
  if (kind === 'video') return 20_000 + ((params.duration ?? 5) - 4) * 1_200 + jitter * 6_800
  const base = 6_000 + jitter * 4_000 + (params.imageCount - 1) * 500
  return params.hd ? Math.min(12_000, base * 1.3) : base
}
