import { isAppError } from '../core/app-error'
import type { Logger } from '../core/logger'
import { wasMaybeProcessed } from '../krev/errors'
import type { RateLimiter } from '../krev/types'
import { classify, type Stage } from './failure'
import type { Sleep } from './generation-poller'
import { MESSAGES, type StoredJob } from './job-model'
import type { Pauses } from './pauses'

/**
 * Applies a failed step's verdict to its job and to the queue: pause everything (offline,
 * key refused), hold the one job the balance can't cover (402), wait for the rate limit, give a refunded 500 its one
 * retry, or fail the job with a message and, where it helps, a retry.
 */

export interface FailureDeps {
  current(j: StoredJob): boolean
  commit(j: StoredJob): Promise<void>
  setStatus(j: StoredJob, status: StoredJob['status']): Promise<void>
  pauses: Pauses
  /** A 402 for this job: it waits for credits (credit-holds.ts). */
  needsCredits(j: StoredJob): Promise<void>
  limiter: RateLimiter & { blockedUntil?: () => number }
  reportOnline(online: boolean): void
  onCreditsMaybeChanged(): void
  sleep: Sleep
  /** Aborted on mode switch and shutdown. */
  life(): AbortSignal
  now(): number
  logger: Logger
  /** Per job: how often its download waited for the network in a row (memory only). */
  downloadStalls: Map<string, number>
}

/** A download that fails for the network this many times after the API came back fails the job. */
export const MAX_DOWNLOAD_STALLS = 3

/** Krev's 429 without a usable Retry-After: wait this long before sending again. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000
/** Spacing before the one retry of a POST that got a 500. */
export const SERVER_RETRY_DELAY_MS = 2_000

export async function applyFailure(j: StoredJob, stage: Stage, cause: unknown, aborted: boolean, d: FailureDeps): Promise<void> {
  // Known not to have reached Krev: a later POST is not a second charge.
  if (stage === 'post' && !wasMaybeProcessed(cause)) j.postStartedAt = null
  const verdict = classify(cause, stage, aborted)
  if (verdict.kind !== 'cancelled') d.logger.warn('queue: job step failed', { stage, code: isAppError(cause) ? cause.code : 'other' })
  if (!d.current(j) || j.status === 'cancelled' || verdict.kind === 'cancelled') {
    // Cancelled, removed, or its mode switched away: keep what we learnt, resume later.
    return void (await d.commit(j).catch(() => undefined))
  }
  if (verdict.kind === 'pause' && stage === 'download' && (d.downloadStalls.get(j.id) ?? 0) >= MAX_DOWNLOAD_STALLS) {
    // Krev answers but its media host doesn't: stop waiting, keep the generation for a retry.
    d.downloadStalls.delete(j.id)
    j.error = verdict.error
    return d.setStatus(j, 'failed')
  }
  if (verdict.kind === 'pause' && stage === 'download') d.downloadStalls.set(j.id, (d.downloadStalls.get(j.id) ?? 0) + 1)
  switch (verdict.kind) {
    case 'pause':
      if (verdict.reason === 'offline') d.reportOnline(false)
      if (stage === 'post') {
        j.error = verdict.error
        await d.setStatus(j, 'paused')
      }
      d.pauses.pause(verdict.reason)
      return
    case 'needs_credits':
      return d.needsCredits(j)
    case 'rate_limited': {
      const wait = verdict.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS
      d.limiter.penalize(wait)
      const until = Math.max(d.limiter.blockedUntil?.() ?? 0, d.now() + wait)
      j.resumesAt = new Date(until).toISOString()
      d.pauses.rateLimited(until)
      await d.setStatus(j, 'paused')
      return
    }
    case 'server_error':
      // Krev refunds a 500; one more try, spaced out, then the job fails for good.
      if (j.serverRetries < 1) {
        j.serverRetries += 1
        await d.sleep(SERVER_RETRY_DELAY_MS, d.life()).catch(() => undefined)
        await d.setStatus(j, 'pending')
        return
      }
      j.error = { code: 'server_error', message: MESSAGES.refunded, retryable: true, refunded: true }
      await d.setStatus(j, 'failed')
      d.onCreditsMaybeChanged()
      return
    case 'fail':
      j.error = verdict.error
      await d.setStatus(j, 'failed')
      if (verdict.error.refunded || verdict.error.code === 'unknown_outcome') d.onCreditsMaybeChanged()
      return
  }
}
