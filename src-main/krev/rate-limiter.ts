import type { RateLimiter } from './types'
import { cancelled } from './errors'
import { defaultSleep } from './retry'

/**
 * One gate shared by every job. Krev limits per user, not per key, so when one request
 * gets a 429 every other request is about to get one too. After `penalize(ms)` the gate
 * stays closed for everyone until then; when it reopens, waiting callers are released
 * one by one, each at its own slot (spaced by `spacingMs`, plus random jitter), so a
 * 429 storm over many jobs never turns into a thundering herd of retries.
 *
 * Pacing is for the reopening only: once the gate has been open for `settleMs`, `acquire`
 * resolves immediately again (callers still holding a slot keep it). Without that end, a
 * steady stream of callers each landing inside `spacingMs` of the last slot pushed the
 * slots out forever (~1.7 requests/s for a minute after one storm, with no further 429).
 */

export interface RateLimiterOptions {
  /** Minimum gap between two callers released after a penalty. Default 250 ms. */
  spacingMs?: number
  /** Random extra wait added to each caller's slot. Default 500 ms. */
  jitterMs?: number
  /** How long after reopening callers are still paced. Default 3 s. */
  settleMs?: number
  now?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
}

export interface SharedRateLimiter extends RateLimiter {
  /** When the gate reopens (epoch ms), or 0 when it is open. For "resumes at" in the UI. */
  blockedUntil(): number
}

export function createRateLimiter(opts: RateLimiterOptions = {}): SharedRateLimiter {
  const spacingMs = opts.spacingMs ?? 250
  const jitterMs = opts.jitterMs ?? 500
  const settleMs = opts.settleMs ?? 3_000
  const now = opts.now ?? Date.now
  const sleep = opts.sleep ?? defaultSleep
  const random = opts.random ?? Math.random

  let closedUntil = 0
  // The last slot handed out after a penalty: new callers queue behind it.
  let lastSlot = Number.NEGATIVE_INFINITY

  return {
    blockedUntil: () => (closedUntil > now() ? closedUntil : 0),

    penalize(retryAfterMs: number) {
      if (!Number.isFinite(retryAfterMs) || retryAfterMs < 0) return
      closedUntil = Math.max(closedUntil, now() + retryAfterMs)
    },

    async acquire(signal?: AbortSignal) {
      for (;;) {
        if (signal?.aborted) throw cancelled()
        const t = now()
        if (t >= closedUntil + settleMs) return
        if (t >= closedUntil && t >= lastSlot + spacingMs) return
        const gateAt = Math.max(closedUntil, lastSlot + spacingMs)
        const slot = gateAt + Math.round(Math.min(Math.max(random(), 0), 1) * jitterMs)
        lastSlot = slot
        await sleep(Math.max(0, slot - t), signal)
        // Re-check: another 429 may have closed the gate again while we slept.
        if (now() >= closedUntil) return
      }
    }
  }
}
