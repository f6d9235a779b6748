import { nextInterval } from '../core/adaptive-interval'
import type { KrevClient, KrevGeneration } from '../krev/types'
import { cancelled } from '../krev/errors'
import type { PollCadence } from './poll-cadence'

/**
 * Follows one generation until it is over. The interval adapts (about 1 s while it moves,
 * growing ×1.5 to 8 s while nothing changes), stretched and jittered by the queue's shared
 * cadence (poll-cadence.ts) so many jobs together stay under the API's rate limit, with the
 * queue's injected sleep so tests and restarts control time. A 500 on a poll never reaches here: the client's GET retry hides
 * it. Resolves with the finished generation, succeeded or failed: the caller decides.
 */

export interface PollTiming {
  initialMs: number
  maxMs: number
  growth: number
  /**
   * GETs per second for every poller together. Krev's reference gives no figure (limits are
   * per user); the built-in sandbox refills 2/s, and POSTs and balance reads need room too.
   */
  budgetPerSecond: number
  /** Each wait is its interval ± this fraction, at random. */
  jitter: number
}

export const DEFAULT_POLL_TIMING: PollTiming = { initialMs: 1_000, maxMs: 8_000, growth: 1.5, budgetPerSecond: 1.5, jitter: 0.2 }

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export async function pollGeneration(
  client: Pick<KrevClient, 'getGeneration'>,
  generationId: string,
  opts: {
    signal: AbortSignal
    sleep: Sleep
    timing: PollTiming
    cadence: PollCadence
    onChange: (g: KrevGeneration) => Promise<void> | void
  }
): Promise<KrevGeneration> {
  const leave = opts.cadence.join()
  try {
    return await follow(client, generationId, opts)
  } finally {
    leave()
  }
}

async function follow(
  client: Pick<KrevClient, 'getGeneration'>,
  generationId: string,
  opts: Parameters<typeof pollGeneration>[2]
): Promise<KrevGeneration> {
  const { signal, timing } = opts
  let interval = timing.initialMs
  let last: string | null = null
  for (;;) {
    if (signal.aborted) throw cancelled()
    const g = await client.getGeneration(generationId, signal)
    if (signal.aborted) throw cancelled()
    const seen = `${g.status}:${g.progress}`
    if (seen !== last) await opts.onChange(g)
    if (g.status === 'succeeded' || g.status === 'failed') return g
    if (last !== null) interval = nextInterval(interval, seen !== last, timing)
    last = seen
    await opts.sleep(opts.cadence.delay(interval), signal)
  }
}
