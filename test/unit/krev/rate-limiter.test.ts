import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRateLimiter } from '../../../src-main/krev/rate-limiter'
import { perSecond, requestsAfterStorm } from './rate-simulations'
import { caught, creditsData, json, ok, scriptServer, testClient, type ScriptServer } from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

/** A rate limiter on a virtual clock: sleeping advances the clock, so nothing really waits; each of its sleeps is recorded. */
function virtualClockLimiter(start: number, options: Omit<NonNullable<Parameters<typeof createRateLimiter>[0]>, 'now' | 'sleep'>) {
  const clock = { now: start, sleeps: [] as number[] }
  const limiter = createRateLimiter({
    ...options,
    now: () => clock.now,
    sleep: async (ms) => {
      clock.sleeps.push(ms)
      clock.now += ms
    }
  })
  return { clock, limiter, now: () => clock.now }
}

describe('createRateLimiter (fake timers)', () => {
  it('is transparent while nothing was penalised', async () => {
    vi.useFakeTimers()
    const limiter = createRateLimiter()
    const order: number[] = []
    await Promise.all([1, 2, 3].map((i) => limiter.acquire().then(() => order.push(i))))
    expect(order).toHaveLength(3)
    expect(limiter.blockedUntil()).toBe(0)
  })

  it('after a 429 holds every caller until retry-after, then releases them one by one with jitter', async () => {
    vi.useFakeTimers({ now: 0 })
    let r = 0
    const randoms = [0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0]
    const limiter = createRateLimiter({ spacingMs: 250, jitterMs: 500, random: () => randoms[r++ % randoms.length] })
    limiter.penalize(5000)
    expect(limiter.blockedUntil()).toBe(5000)

    const released: number[] = []
    const callers = Array.from({ length: 10 }, () => limiter.acquire().then(() => released.push(Date.now())))

    await vi.advanceTimersByTimeAsync(4999)
    expect(released).toEqual([])

    await vi.advanceTimersByTimeAsync(30_000)
    await Promise.all(callers)
    expect(released).toHaveLength(10)
    expect(Math.min(...released)).toBeGreaterThanOrEqual(5000)
    const sorted = [...released].sort((a, b) => a - b)
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(250)
    // No herd: never more than one release at the same instant.
    expect(new Set(released).size).toBe(10)
  })

  it('a second 429 while waiting extends the hold for everyone', async () => {
    vi.useFakeTimers({ now: 0 })
    const limiter = createRateLimiter({ jitterMs: 0, spacingMs: 100 })
    limiter.penalize(1000)
    const released: number[] = []
    const p = limiter.acquire().then(() => released.push(Date.now()))
    await vi.advanceTimersByTimeAsync(500)
    limiter.penalize(3000) // now = 500 → closed until 3500
    await vi.advanceTimersByTimeAsync(10_000)
    await p
    expect(released[0]).toBeGreaterThanOrEqual(3500)
  })

  it('ignores negative or non-finite penalties, and aborts a waiting caller', async () => {
    vi.useFakeTimers({ now: 0 })
    const limiter = createRateLimiter()
    limiter.penalize(-5)
    limiter.penalize(Number.NaN)
    expect(limiter.blockedUntil()).toBe(0)
    limiter.penalize(10_000)
    const ac = new AbortController()
    const p = caught(limiter.acquire(ac.signal))
    await vi.advanceTimersByTimeAsync(100)
    ac.abort()
    expect((await p).code).toBe('cancelled')
  })
})

describe('a limiter shared by clients', () => {
  let server: ScriptServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('one job’s 429 holds the other jobs’ requests until Retry-After', async () => {
    const { clock, limiter, now } = virtualClockLimiter(1_000_000, { random: () => 0, spacingMs: 250 })
    const arrivals: number[] = []
    server = await scriptServer([
      (req, res, b) => {
        arrivals.push(clock.now)
        json(429, { success: false, error: 'Too many requests' }, { 'Retry-After': '4' })(req, res, b)
      },
      (req, res, b) => {
        arrivals.push(clock.now)
        ok(creditsData)(req, res, b)
      }
    ])
    const jobA = testClient(server.baseUrl, { limiter, retry: { maxAttempts: 1 }, now })
    const jobB = testClient(server.baseUrl, { limiter, now })
    expect((await caught(jobA.client.credits())).code).toBe('rate_limited')
    await jobB.client.credits()
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(4000)
    expect(clock.sleeps).toEqual([4000])
  })

  it('a retrying client lets the limiter do the waiting (no double wait)', async () => {
    const { clock, limiter, now } = virtualClockLimiter(0, { random: () => 0 })
    server = await scriptServer([json(429, { success: false, error: 'slow' }, { 'Retry-After': '2' }), ok(creditsData)])
    const { client, sleeps } = testClient(server.baseUrl, { limiter, now })
    await client.credits()
    expect(sleeps).toEqual([])
    expect(clock.sleeps).toEqual([2000])
  })
})

describe('createRateLimiter after a 429 storm (simulated minutes)', () => {
  // Measured before the fix: ~1.7 requests/s for the minute after one storm, no further 429.
  it('reproduces the slow-down when pacing never ends (the old limiter)', async () => {
    const sent = await requestsAfterStorm(Number.POSITIVE_INFINITY)
    expect(Math.min(...sent)).toBeGreaterThanOrEqual(5_000)
    expect(perSecond(sent, 10_000, 60_000)).toBeLessThan(3)
  })

  it('stops pacing once the gate has been open a while: callers run at their own pace', async () => {
    const sent = await requestsAfterStorm()
    expect(Math.min(...sent)).toBeGreaterThanOrEqual(5_000)
    // Paced right after reopening (no herd)…
    expect(perSecond(sent, 5_000, 6_000)).toBeLessThanOrEqual(4)
    // …then every caller's one request a second, for the rest of the minute.
    expect(perSecond(sent, 20_000, 60_000)).toBeGreaterThanOrEqual(19)
  })
})
