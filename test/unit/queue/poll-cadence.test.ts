import { describe, expect, it } from 'vitest'
import type { KrevGeneration } from '../../../src-main/krev/types'
import { DEFAULT_POLL_TIMING, pollGeneration } from '../../../src-main/queue/generation-poller'
import { createPollCadence } from '../../../src-main/queue/poll-cadence'
import { RateLimiter } from '../../../src-main/sandbox/rate-limit'
import { virtualClock } from '../krev/virtual-clock'

const timing = { ...DEFAULT_POLL_TIMING, budgetPerSecond: 1.5, jitter: 0.2 }

describe('createPollCadence', () => {
  it('spreads each wait by ±20 % around the interval', () => {
    const draws = [0, 0.25, 0.5, 0.75, 1]
    let i = 0
    const cadence = createPollCadence(timing, () => draws[i++])
    const leave = cadence.join()
    expect(draws.map(() => cadence.delay(1_000))).toEqual([800, 900, 1_000, 1_100, 1_200])
    leave()
  })

  it('stretches the interval with the number of generations followed, and shrinks it back', () => {
    const cadence = createPollCadence(timing, () => 0.5)
    const leaves = Array.from({ length: 6 }, () => cadence.join())
    // Six pollers share 1.5 GETs/s: each waits 4 s, even when its own interval says 1 s.
    expect(cadence.delay(1_000)).toBe(4_000)
    // A slow generation's own longer interval still wins.
    expect(cadence.delay(8_000)).toBe(8_000)
    for (const leave of leaves.slice(1)) leave()
    leaves[1]() // leaving twice counts once
    expect(cadence.active()).toBe(1)
    expect(cadence.delay(1_000)).toBe(1_000)
  })
})

describe('pollers against a per-user token bucket (the sandbox’s: 60, refill 2/s)', () => {
  // Four generations that keep moving (so each poller stays at its 1 s interval), for ten
  // simulated minutes. Answers the simulated time of the first 429, or null.
  async function firstRateLimit(cadence: ReturnType<typeof createPollCadence>): Promise<number | null> {
    const clock = virtualClock()
    const bucket = new RateLimiter({ capacity: 60, refillPerSecond: 2 }, clock.now)
    let limited: number | null = null
    let progress = 0
    const client = {
      getGeneration: async (id: string): Promise<KrevGeneration> => {
        if (!bucket.take('user').allowed) limited ??= clock.now()
        return { id, kind: 'image', status: 'processing', progress: ++progress % 100, output: null, error: null, created_at: '', completed_at: null }
      }
    }
    const ctrl = new AbortController()
    for (let i = 0; i < 4; i++) {
      void pollGeneration(client, `g${i}`, { signal: ctrl.signal, sleep: clock.sleep, timing, cadence, onChange: () => undefined }).catch(() => undefined)
    }
    await clock.runUntil(600_000)
    ctrl.abort()
    return limited
  }

  it('in lockstep at 1 s (no budget, no jitter) they meet a 429 within a minute', async () => {
    const at = await firstRateLimit(createPollCadence({ budgetPerSecond: 0, jitter: 0 }))
    expect(at).not.toBeNull()
    expect(at as number).toBeLessThan(60_000)
  })

  it('with the shared budget and jitter they never do', async () => {
    let seed = 1
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    expect(await firstRateLimit(createPollCadence(timing, random))).toBeNull()
  })
})
