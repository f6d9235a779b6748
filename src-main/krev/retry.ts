import { AppError } from '../core/app-error'
import type { RateLimiter, RetryOptions } from './types'
import { cancelled, wasMaybeProcessed } from './errors'
import { DEFAULT_MAX_RETRY_AFTER_MS } from './retry-after'

/**
 * When to try a request again, and how long to wait first.
 *
 * Reads (GET) are idempotent: network errors, timeouts, 408, 429 and 5xx are retried.
 * Creating POSTs cost credits, so they are retried only when we KNOW Krev did not act:
 * a 429, or a connection that failed before any byte was sent. A 5xx on a POST is not
 * retried here (Krev refunds failed generations; the queue decides whether to resubmit),
 * and a connection lost after sending is reported as maybe-processed for reconciliation.
 */

export type RequestKind = 'read' | 'create'

export interface RetryPolicy {
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: DEFAULT_MAX_RETRY_AFTER_MS
}

export function resolvePolicy(opts: RetryOptions | undefined): RetryPolicy {
  const pick = (v: number | undefined, d: number, min: number) =>
    v !== undefined && Number.isFinite(v) && v >= min ? v : d
  return {
    maxAttempts: Math.floor(pick(opts?.maxAttempts, DEFAULT_RETRY.maxAttempts, 1)),
    baseDelayMs: pick(opts?.baseDelayMs, DEFAULT_RETRY.baseDelayMs, 0),
    maxDelayMs: pick(opts?.maxDelayMs, DEFAULT_RETRY.maxDelayMs, 0),
    maxRetryAfterMs: pick(opts?.maxRetryAfterMs, DEFAULT_RETRY.maxRetryAfterMs, 0)
  }
}

export function shouldRetry(kind: RequestKind, err: unknown): boolean {
  if (!(err instanceof AppError)) return false
  if (kind === 'read') {
    return ['network', 'timeout', 'rate_limited', 'server_error'].includes(err.code)
  }
  if (err.code === 'rate_limited') return true
  // No HTTP status and not maybe-processed: the failure happened before sending.
  return (err.code === 'network' || err.code === 'timeout') && err.status === undefined && !wasMaybeProcessed(err)
}

/**
 * "Full jitter" exponential backoff: a random delay in [0, min(max, base·2^(n-1))], so
 * clients that failed together do not retry together. A Retry-After from the server wins
 * (plus a little jitter, for the same reason).
 */
export function retryDelay(attempt: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  const r = Math.min(Math.max(random(), 0), 1)
  if (retryAfterMs !== undefined) {
    return Math.min(retryAfterMs, policy.maxRetryAfterMs) + Math.round(r * policy.baseDelayMs)
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(r * ceiling)
}

/** setTimeout as a promise that rejects with AppError('cancelled') when aborted. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled())
    const onAbort = () => {
      clearTimeout(timer)
      reject(cancelled())
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, Math.max(0, ms))
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

export interface RetryDeps {
  policy: RetryPolicy
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  random: () => number
  limiter?: RateLimiter
}

/**
 * Runs `attempt(n)` (n from 1) until it succeeds, fails for good, or attempts run out.
 * With a shared limiter, every attempt first passes the gate, and a 429 closes the gate
 * for everyone: the limiter then does the waiting, so we don't wait twice.
 */
export async function withRetry<T>(
  kind: RequestKind,
  attempt: (n: number) => Promise<T>,
  deps: RetryDeps,
  signal?: AbortSignal
): Promise<T> {
  for (let n = 1; ; n++) {
    if (signal?.aborted) throw cancelled()
    if (deps.limiter) await deps.limiter.acquire(signal)
    try {
      return await attempt(n)
    } catch (err) {
      const rateLimited = err instanceof AppError && err.code === 'rate_limited'
      const retryAfterMs = err instanceof AppError ? err.retryAfterMs : undefined
      const delay = retryDelay(n, deps.policy, deps.random, retryAfterMs)
      // The limiter adds its own per-caller jitter, so it gets the un-jittered wait.
      if (rateLimited && deps.limiter) {
        const hold =
          retryAfterMs !== undefined
            ? Math.min(retryAfterMs, deps.policy.maxRetryAfterMs)
            : retryDelay(n, deps.policy, () => 1)
        deps.limiter.penalize(hold)
      }
      if (n >= deps.policy.maxAttempts || !shouldRetry(kind, err)) throw err
      if (!(rateLimited && deps.limiter)) await deps.sleep(delay, signal)
    }
  }
}
