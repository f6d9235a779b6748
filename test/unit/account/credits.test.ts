import { describe, expect, it } from 'vitest'
import { createCreditsCache, mapCredits } from '../../../src-main/account/credits'
import { credits as creditsContract } from '../../../src-preload/contract'
import type { KrevClient, KrevCredits } from '../../../src-main/krev/types'
import { sampleCredits } from './fakes'

const fixed = new Date('2026-02-26T10:00:00.000Z')

function countingClient(answer: () => Promise<KrevCredits>) {
  let calls = 0
  const client = {
    credits: () => {
      calls++
      return answer()
    }
  } as unknown as KrevClient
  return { client, calls: () => calls }
}

describe('credits mapping', () => {
  it('maps the documented answer into the contract shape', () => {
    const c = mapCredits(sampleCredits(), fixed)
    expect(c).toEqual({
      plan: 'pro',
      planName: 'Pro',
      current: 1840,
      limit: 2500,
      storageUsedBytes: 524288000,
      storageLimitBytes: 2147483648,
      resetsAt: '2026-03-01T00:00:00Z',
      fetchedAt: '2026-02-26T10:00:00.000Z'
    })
    expect(creditsContract.safeParse(c).success).toBe(true)
  })

  it('turns missing or odd numbers into values the contract accepts', () => {
    const odd = {
      plan: 'free',
      plan_name: undefined,
      credits: { current: Number.NaN, limit: Infinity },
      storage: { used_bytes: -5, limit_bytes: 10.6 },
      resets_at: null
    } as unknown as KrevCredits
    const c = mapCredits(odd, fixed)
    expect(c).toMatchObject({ planName: 'free', current: 0, limit: 0, storageUsedBytes: 0, storageLimitBytes: 11 })
    expect(creditsContract.safeParse(c).success).toBe(true)
  })
})

describe('credits cache', () => {
  it('answers from cache for 30 s, then fetches again; refresh always fetches', async () => {
    let t = 0
    const cache = createCreditsCache({ now: () => t })
    const { client, calls } = countingClient(async () => sampleCredits(100 + t))
    const first = await cache.get(client, 'krev a')
    t = 29_999
    expect(await cache.get(client, 'krev a')).toBe(first)
    expect(calls()).toBe(1)
    t = 30_000
    expect((await cache.get(client, 'krev a')).current).toBe(30_100)
    expect((await cache.get(client, 'krev a', { refresh: true })).current).toBe(30_100)
    expect(calls()).toBe(3)
  })

  it('shares one request between concurrent callers', async () => {
    const cache = createCreditsCache()
    const { client, calls } = countingClient(() => new Promise((r) => setTimeout(() => r(sampleCredits()), 10)))
    const [a, b] = await Promise.all([cache.get(client, 'x'), cache.get(client, 'x')])
    expect(a).toBe(b)
    expect(calls()).toBe(1)
  })

  it('keeps balances of different connections apart', async () => {
    const cache = createCreditsCache()
    await cache.get(countingClient(async () => sampleCredits(5)).client, 'sandbox')
    const krev = await cache.get(countingClient(async () => sampleCredits(7)).client, 'krev https://app.krev.ai')
    expect(krev.current).toBe(7)
    expect(cache.peek('sandbox')).toBeNull()
  })

  it('does not cache an answer that arrives after the cache was cleared (switched away)', async () => {
    const cache = createCreditsCache()
    let release: (c: KrevCredits) => void = () => undefined
    const slow = countingClient(() => new Promise((r) => (release = r)))
    const pending = cache.get(slow.client, 'krev a')
    cache.clear()
    release(sampleCredits(1))
    await pending
    expect(cache.peek('krev a')).toBeNull()
  })
})
