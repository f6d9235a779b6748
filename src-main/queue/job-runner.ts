import type { RateLimiter, KrevClient, GenerationStarted } from '../krev/types'
import type { LibraryService } from '../library/library-service'
import type { StagedAsset } from '../library/stage-asset'
import { JobFailure, type Stage } from './failure'
import { pollGeneration, type PollTiming, type Sleep } from './generation-poller'
import { MESSAGES, isPolling, needsPost, type BalanceAt, type StoredJob } from './job-model'
import { downloadOutputs } from './output-downloader'
import type { PollCadence } from './poll-cadence'
import { toKrevRequest } from './pricing'
import type { Semaphore } from './semaphore'

/**
 * One job's way through Krev: POST (once), poll, download. Every step persists the job
 * before moving on, so a crash at any point resumes at the right step. The POST is
 * preceded by a persisted `postStartedAt` marker: a restart that finds it set knows the
 * POST may have been charged and never sends it again by itself.
 */

export class StageError extends Error {
  constructor(
    readonly stage: Stage,
    readonly failure: unknown
  ) {
    super('job step failed')
    this.name = 'StageError'
  }
}

export interface RunnerContext {
  client: KrevClient
  signal: AbortSignal
  sleep: Sleep
  timing: PollTiming
  /** Shared by every poller of the queue: spreads and stretches their GETs. */
  cadence: PollCadence
  limiter: RateLimiter
  downloads: Semaphore
  library: LibraryService
  /** The current mode's folder for partial downloads. */
  stagingDir: string
  now(): string
  /** Persists the job, and publishes it while it belongs to the current mode. */
  commit(job: StoredJob): Promise<void>
  /**
   * Persists the finished job and indexes its staged outputs in ONE transaction (the job
   * reads succeeded exactly when its assets are in the library), then publishes both.
   */
  complete(job: StoredJob, staged: StagedAsset[]): void
  progress(job: StoredJob): void
  /** The balance the account has cached now, if any: recorded as the job's "before". */
  cachedBalance(): BalanceAt | null
  /** Krev accepted a POST: the balance changed. */
  charged(): void
  /** Called once polling is over: downloads don't hold one of the `pollConcurrency` slots. */
  releaseSlot(): void
  stillWanted(job: StoredJob): boolean
}

function send(client: KrevClient, job: StoredJob): Promise<GenerationStarted> {
  const req = toKrevRequest(job.request)
  if (req.kind === 'image') return client.generateImages(req.params)
  if (req.kind === 'video') return client.generateVideo(req.params)
  return client.generateAd(req.params)
}

async function post(job: StoredJob, ctx: RunnerContext): Promise<void> {
  // Wait our turn first: a crash while waiting must not look like a sent POST.
  await ctx.limiter.acquire(ctx.signal)
  if (!ctx.stillWanted(job)) return
  job.postStartedAt = ctx.now()
  job.sentAt = job.postStartedAt
  job.balanceBefore = ctx.cachedBalance()
  job.attempts += 1
  job.status = 'pending'
  job.resumesAt = null
  await ctx.commit(job)
  // Deliberately not abortable: once sent, its answer (the generation id) must be kept
  // even if the job was cancelled or the mode switched meanwhile.
  const started = await send(ctx.client, job)
  job.postStartedAt = null
  job.resumesAt = null
  ctx.charged()
  job.generationId = started.generation_id
  job.creditsUsed = started.credits_used
  job.adCopy = started.ad_copy ?? null
  job.error = null
  // Cancelled while the POST was out: keep what Krev said, follow it no further.
  if (!ctx.stillWanted(job)) return ctx.commit(job)
  if (started.urls.length > 0) {
    job.outputUrls = started.urls
    job.status = 'downloading'
    job.progress = 100
  } else {
    job.status = 'submitted'
    job.progress = 0
  }
  await ctx.commit(job)
}

async function poll(job: StoredJob, ctx: RunnerContext): Promise<void> {
  const g = await pollGeneration(ctx.client, job.generationId as string, {
    signal: ctx.signal,
    sleep: ctx.sleep,
    timing: ctx.timing,
    cadence: ctx.cadence,
    onChange: async (g) => {
      if (!ctx.stillWanted(job)) return
      const status = g.status === 'queued' ? 'submitted' : g.status === 'processing' ? 'processing' : job.status
      const moved = status !== job.status
      job.status = status
      job.progress = g.status === 'succeeded' ? 100 : g.progress
      // Progress ticks are published; only status changes are worth a disk write.
      if (moved) await ctx.commit(job)
      ctx.progress(job)
    }
  })
  if (!ctx.stillWanted(job)) return
  if (g.status === 'failed') {
    const server = g.error?.trim()
    throw new JobFailure({
      code: 'generation_failed',
      message: server ? `Krev couldn\u2019t make this (${server.slice(0, 200)}) \u2014 credits were refunded.` : MESSAGES.refunded,
      retryable: true,
      refunded: true
    })
  }
  job.outputUrls = g.output?.urls ?? []
  job.status = 'downloading'
  job.progress = 100
  await ctx.commit(job)
}

export async function runJob(job: StoredJob, ctx: RunnerContext): Promise<void> {
  const step = async (stage: Stage, fn: () => Promise<void>) => {
    try {
      await fn()
    } catch (e) {
      throw new StageError(stage, e)
    }
  }
  // Loaded from disk mid-download (a restart, a retry): its stored URLs are from another run.
  const resumedDownload = job.status === 'downloading'
  if (needsPost(job)) await step('post', () => post(job, ctx))
  if (!ctx.stillWanted(job)) return
  if (isPolling(job)) await step('poll', () => poll(job, ctx))
  ctx.releaseSlot()
  if (!ctx.stillWanted(job) || job.status !== 'downloading') return
  await step('download', async () => {
    const outputs = await downloadOutputs(job, {
      client: ctx.client,
      library: ctx.library,
      stagingDir: ctx.stagingDir,
      semaphore: ctx.downloads,
      signal: ctx.signal,
      now: ctx.now,
      saveJob: (j) => ctx.commit(j),
      refreshFirst: resumedDownload
    })
    const staged = outputs.flatMap((o) => (o.staged ? [o.staged] : []))
    // A job removed meanwhile is not saved, but what was downloaded (and paid for) is kept.
    if (!ctx.stillWanted(job)) return ctx.complete(job, staged)
    job.assetIds = outputs.map((o) => o.id)
    job.status = 'succeeded'
    job.progress = 100
    job.error = null
    ctx.complete(job, staged)
  })
}
