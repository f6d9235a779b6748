import { isAppError } from '../core/app-error'
import type { KrevClient } from '../krev/types'
import type { LibraryService } from '../library/library-service'
import type { StagedAsset } from '../library/stage-asset'
import { JobFailure, ioError } from './failure'
import { partialFor } from './partial-downloads'
import { assetIdFor, MESSAGES, type StoredJob } from './job-model'
import { productIdsOf, promptOf } from './pricing'
import type { Semaphore } from './semaphore'

/**
 * Brings a finished generation's outputs into the library. Each output is streamed by the
 * client into a partial file in the staging folder (type sniffed from the bytes, size
 * capped, declared length honoured), then staged by the library (file, thumbnail and sidecar in
 * place, not yet indexed) under a deterministic asset id, so running this again after a crash
 * or a retry replaces rather than duplicates. The caller indexes the staged outputs together
 * with the job's completion, in one transaction. A download cut mid-way continues from its partial (the client retries a
 * few times; we allow a couple more whole attempts, each resuming too); an expired signed
 * URL, or one the client no longer trusts, is refreshed once per job by fetching the
 * generation again. A download resumed after a restart fetches fresh URLs first: stored
 * ones may have expired, or (the built-in sandbox) name the previous run's random port.
 */

const MAX_IMAGE_BYTES = 60 * 1024 * 1024
const MAX_VIDEO_BYTES = 400 * 1024 * 1024
const WHOLE_ATTEMPTS = 3

export interface DownloadContext {
  client: Pick<KrevClient, 'downloadMediaFile' | 'getGeneration'>
  library: LibraryService
  /** Where partial downloads live (on the library's disk, so the hand-over is a rename). */
  stagingDir: string
  semaphore: Semaphore
  signal: AbortSignal
  now(): string
  /** Persists the job after its URLs were refreshed. */
  saveJob(job: StoredJob): Promise<void>
  /** The stored URLs come from an earlier run: ask Krev for fresh ones before downloading. */
  refreshFirst?: boolean
}

/** An answer that a fresh URL from the generation could cure: expired, gone, or no longer trusted. */
const staleUrl = (e: unknown): boolean =>
  isAppError(e) &&
  ((e.code === 'forbidden' && e.status === 403) || e.code === 'invalid_input' || e.status === 404 || e.status === 410)

const restartable = (e: unknown) =>
  isAppError(e) && (e.code === 'network' || e.code === 'timeout' || e.code === 'server_error') && e.status !== 403

/** One output of the job: already in the library (kept from an earlier run), or staged now. */
export type DownloadedOutput = { id: string; staged: StagedAsset | null }

export async function downloadOutputs(job: StoredJob, ctx: DownloadContext): Promise<DownloadedOutput[]> {
  if (job.outputUrls.length === 0) {
    throw new JobFailure({ code: 'invalid_response', message: MESSAGES.noOutputs, retryable: true })
  }
  let refreshed: Promise<string[]> | null = null
  // Once per job, shared by every output whose link expired at the same time.
  const refresh = (): Promise<string[]> => {
    refreshed ??= (async () => {
      const g = await ctx.client.getGeneration(job.generationId as string, ctx.signal)
      const urls = g.output?.urls ?? []
      if (urls.length === 0) throw new JobFailure({ code: 'link_expired', message: MESSAGES.linkExpired, retryable: true })
      job.outputUrls = urls
      await ctx.saveJob(job)
      return urls
    })()
    return refreshed
  }
  if (ctx.refreshFirst && job.generationId) await refresh()
  const mode = job.mode
  const accept = job.kind === 'video' ? (['video', 'image'] as const) : (['image'] as const)
  const maxBytes = job.kind === 'video' ? MAX_VIDEO_BYTES : MAX_IMAGE_BYTES

  async function fetchOne(index: number): Promise<DownloadedOutput> {
    const id = assetIdFor(job.id, index)
    if (job.assetIds.includes(id) && (await ctx.library.has(mode, id))) return { id, staged: null }
    const release = await ctx.semaphore.acquire(ctx.signal)
    try {
      let url = job.outputUrls[index] as string
      let usedRefresh = false
      if (refreshed) {
        // Already fresh from this run: a second refresh would not help.
        url = (await refreshed)[index] ?? url
        usedRefresh = ctx.refreshFirst === true
      }
      for (let attempt = 1; ; attempt++) {
        let file: string
        try {
          const part = await partialFor(ctx.stagingDir, id)
          file = (await ctx.client.downloadMediaFile(url, { part, maxBytes, accept, signal: ctx.signal })).file
        } catch (e) {
          if (staleUrl(e)) {
            if (usedRefresh) throw new JobFailure({ code: 'link_expired', message: MESSAGES.linkExpired, retryable: true })
            usedRefresh = true
            url = (await refresh())[index] ?? url
            continue
          }
          if (restartable(e) && attempt < WHOLE_ATTEMPTS && !ctx.signal.aborted) continue
          throw e
        }
        let staged: StagedAsset
        try {
          staged = await ctx.library.stage(
            mode,
            {
              id,
              kind: job.kind,
              jobId: job.id,
              generationId: job.generationId,
              prompt: promptOf(job.request),
              productIds: productIdsOf(job.request),
              aspectRatio: job.request.params.aspectRatio,
              durationSec: job.request.kind === 'video' ? job.request.params.duration : null,
              adCopy: job.adCopy
                ? {
                    styleName: job.adCopy.style_name,
                    hook: job.adCopy.hook,
                    headline: job.adCopy.headline,
                    bodyCopy: job.adCopy.body_copy,
                    cta: job.adCopy.cta
                  }
                : null,
              createdAt: ctx.now()
            },
            // The library takes the file over (moves or deletes it), whatever the outcome.
            { file }
          )
        } catch (e) {
          await ctx.library.sweep(mode)
          // The media worker died mid-ingest: not Krev's file, and a retry lands on a fresh worker.
          if (isAppError(e) && e.code === 'worker_crashed') throw new JobFailure({ code: e.code, message: e.message, retryable: true })
          const io = ioError(e)
          if (io) throw new JobFailure(io)
          throw new JobFailure({
            code: 'invalid_response',
            message: 'Krev sent a file that couldn\u2019t be opened, so it wasn\u2019t saved. Retry to download it again.',
            retryable: true
          })
        }
        return { id, staged }
      }
    } finally {
      release()
    }
  }

  const results = await Promise.allSettled(job.outputUrls.map((_, i) => fetchOne(i)))
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
  return results.map((r) => (r as PromiseFulfilledResult<DownloadedOutput>).value)
}
