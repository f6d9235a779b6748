import { describe, expect, it } from 'vitest'
import { DEFAULT_POLL_TIMING } from '../../../src-main/queue/generation-poller'
import { createPollCadence } from '../../../src-main/queue/poll-cadence'
import { pollersAgainstBucket, seededRandom } from '../krev/rate-simulations'

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
  it('in lockstep at 1 s (no budget, no jitter) they meet a 429 within a minute', async () => {
    const { first429 } = await pollersAgainstBucket(createPollCadence({ budgetPerSecond: 0, jitter: 0 }), timing)
    expect(first429).not.toBeNull()
    expect(first429 as number).toBeLessThan(60_000)
  })

  it('with the shared budget and jitter they never do', async () => {
    const { first429, getsPerSecond } = await pollersAgainstBucket(createPollCadence(timing, seededRandom()), timing)
    expect(first429).toBeNull()
    expect(getsPerSecond).toBeLessThanOrEqual(1.6)
  })
})
