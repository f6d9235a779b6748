import { createRateLimiter } from '../../../src-main/krev/rate-limiter'
import type { KrevGeneration } from '../../../src-main/krev/types'
import { DEFAULT_POLL_TIMING, pollGeneration, type PollTiming } from '../../../src-main/queue/generation-poller'
import type { PollCadence } from '../../../src-main/queue/poll-cadence'
import { RateLimiter } from '../../../src-main/sandbox/rate-limit'
import { virtualClock } from './virtual-clock'

/**
 * Rate-limit scenarios in simulated time, shared by the unit tests (which assert on them)
 * and bench/download.ts (which reports them): minutes pass in milliseconds, deterministically.
 */

/**
 * 20 callers that each want one request a second (like pollers), after one 429 closed the
 * shared gate for 5 s. Answers when each request went out, over the first 70 s.
 */
export async function requestsAfterStorm(settleMs?: number): Promise<number[]> {
  const clock = virtualClock()
  let r = 0
  const random = () => (r++ % 10) / 10
  const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep, random, ...(settleMs !== undefined ? { settleMs } : {}) })
  const sent: number[] = []
  let stop = false
  limiter.penalize(5_000)
  for (let i = 0; i < 20; i++) {
    void (async () => {
      await clock.sleep(i * 50)
      while (!stop) {
        await limiter.acquire()
        sent.push(clock.now())
        await clock.sleep(1_000)
      }
    })()
  }
  await clock.runUntil(70_000)
  stop = true
  return sent
}

export const perSecond = (sent: number[], from: number, to: number): number =>
  sent.filter((t) => t >= from && t < to).length / ((to - from) / 1000)

/**
 * Four pollers of generations that keep moving (so each stays at its shortest interval)
 * against the sandbox's per-user token bucket (60, refill 2/s), for ten simulated minutes.
 */
export async function pollersAgainstBucket(
  cadence: PollCadence,
  timing: PollTiming = DEFAULT_POLL_TIMING
): Promise<{ first429: number | null; getsPerSecond: number }> {
  const clock = virtualClock()
  const bucket = new RateLimiter({ capacity: 60, refillPerSecond: 2 }, clock.now)
  const horizon = 600_000
  let first429: number | null = null
  let gets = 0
  const client = {
    getGeneration: async (id: string): Promise<KrevGeneration> => {
      gets++
      if (!bucket.take('user').allowed) first429 ??= clock.now()
      return { id, kind: 'image', status: 'processing', progress: gets % 100, output: null, error: null, created_at: '', completed_at: null }
    }
  }
  const ctrl = new AbortController()
  for (let i = 0; i < 4; i++) {
    void pollGeneration(client, `g${i}`, { signal: ctrl.signal, sleep: clock.sleep, timing, cadence, onChange: () => undefined }).catch(() => undefined)
  }
  await clock.runUntil(horizon)
  ctrl.abort()
  return { first429, getsPerSecond: gets / (horizon / 1000) }
}

/** A seeded Park–Miller generator: jitter that is random-looking but the same every run. */
export function seededRandom(seed = 1): () => number {
  let s = seed
  return () => (s = (s * 16807) % 2147483647) / 2147483647
}
