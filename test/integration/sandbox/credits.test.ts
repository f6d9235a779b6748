import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boot, createProduct, settle, type Booted } from './helpers'
import type { Credits, ImageStarted, Started, VideoStarted } from './wire'

describe('sandbox credits ledger', () => {
  let b: Booted
  const balance = async () => (await b.call<Credits>('/credits')).body.data.credits.current as number

  beforeAll(async () => {
    b = await boot({ credits: 2500 })
    await createProduct(b) // so storage is not empty
  })
  afterAll(() => b.close())

  it('charges the reference prices on accept and reports credits_used', async () => {
    // Its own sandbox: the renders these start are dropped at close instead of queueing
    // ahead of the other tests' generations.
    const own = await boot({ credits: 100_000 })
    const ownProduct = (await createProduct(own)).id
    const ownBalance = async () => (await own.call<Credits>('/credits')).body.data.credits.current as number
    const cases: Array<[string, unknown, number]> = [
      ['/images', { prompt: 'a' }, 40],
      ['/images', { prompt: 'a', image_count: 4 }, 160],
      ['/images', { prompt: 'a', hd: true }, 80],
      ['/images', { prompt: 'a', hd: true, image_count: 2 }, 160],
      ['/videos', { prompt: 'a' }, 400],
      ['/videos', { prompt: 'a', duration: 10, audio_mode: 'native' }, 800],
      ['/videos', { prompt: 'a', duration: 15, audio_mode: 'off' }, 1200],
      ['/ads', { brief: 'a', product_ids: [ownProduct], image_count: 2 }, 80]
    ]
    for (const [path, body, price] of cases) {
      const before = await ownBalance()
      const res = await own.call<Started>(path, { json: body })
      expect(res.body.data.credits_used, `${path} ${JSON.stringify(body)}`).toBe(price)
      expect(await ownBalance()).toBe(before - price)
    }
    await own.close()
  })

  it('402 when the balance is short, and nothing is charged', async () => {
    b.sb.setCredits('default', 399)
    const res = await b.call<VideoStarted>('/videos', { json: { prompt: 'a', duration: 5 } })
    expect(res.status).toBe(402)
    expect(res.body).toEqual({ success: false, error: expect.stringContaining('Insufficient credits') })
    expect(await balance()).toBe(399)
    expect((await b.call('/images', { json: { prompt: 'a', image_count: 4 } })).status).toBe(200)
    expect(await balance()).toBe(399 - 160)
    expect((await b.call('/images', { json: { prompt: 'a', image_count: 4, hd: true } })).status).toBe(402)
    expect(await balance()).toBe(399 - 160)
  })

  it('refunds a failed generation automatically (prompt hook)', async () => {
    b.sb.setCredits('default', 1000)
    const { body } = await b.call<ImageStarted>('/images', { json: { prompt: 'a wallet #sandbox-fail', image_count: 2 } })
    expect(await balance()).toBe(920)
    const done = await settle(b, body.data.generation_id)
    expect(done.status).toBe('failed')
    expect(done.error).toMatch(/failed/i)
    expect(done.output).toBeNull()
    expect(done.completed_at).not.toBeNull()
    expect(await balance()).toBe(1000)
  })

  it('credits view: plan, formatted numbers, real storage bytes, next reset', async () => {
    b.sb.setCredits('default', 1840)
    const { body } = await b.call<Credits>('/credits')
    expect(body.data).toMatchObject({
      plan: 'pro',
      plan_name: 'Pro',
      credits: { current: 1840, limit: 2500, current_formatted: '1,840', limit_formatted: '2,500' },
      storage: { limit_bytes: 2147483648, limit_formatted: '2 GB' }
    })
    expect(body.data.storage.used_bytes).toBeGreaterThan(0) // the product images
    const now = new Date()
    const reset = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().replace('.000', '')
    expect(body.data.resets_at).toBe(reset)
    const before = body.data.storage.used_bytes
    const gen = await b.call<ImageStarted>('/images', { json: { prompt: 'storage grows' } })
    await settle(b, gen.body.data.generation_id)
    expect((await b.call<Credits>('/credits')).body.data.storage.used_bytes).toBeGreaterThan(before)
  })

  it('keys of the same user share the balance; other users have their own', async () => {
    b.sb.setCredits('default', 500)
    const second = b.sb.createKey({ scopes: ['images', 'credits'] })
    await b.call<ImageStarted>('/images', { key: second, json: { prompt: 'shared' } })
    expect(await balance()).toBe(460)
    const stranger = b.sb.createKey({ scopes: ['credits'], userId: 'stranger' })
    expect((await b.call<Credits>('/credits', { key: stranger })).body.data.credits.current).toBe(2500)
    b.sb.setCredits('stranger', 7)
    expect((await b.call<Credits>('/credits', { key: stranger })).body.data.credits.current_formatted).toBe('7')
  })
})

describe('sandbox per-user rate limit', () => {
  let b: Booted
  beforeAll(async () => {
    b = await boot({ rateLimit: { capacity: 5, refillPerSecond: 0.5 } })
  })
  afterAll(() => b.close())

  it('two keys of one user share a bucket; 429 carries an integer Retry-After ≥ 1; others are unaffected', async () => {
    const k1 = b.sb.createKey({ scopes: ['credits'] })
    const k2 = b.sb.createKey({ scopes: ['credits'] })
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await b.call('/credits', { key: k1 })).status)
    for (let i = 0; i < 2; i++) statuses.push((await b.call('/credits', { key: k2 })).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200])
    const limited = await b.call<Credits>('/credits', { key: k2 })
    expect(limited.status).toBe(429)
    expect(limited.body.success).toBe(false)
    const retryAfter = limited.headers.get('retry-after')
    expect(retryAfter).toMatch(/^\d+$/)
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    expect((await b.call('/credits', { key: k1 })).status).toBe(429)
    const other = b.sb.createKey({ scopes: ['credits'], userId: 'other-user' })
    expect((await b.call('/credits', { key: other })).status).toBe(200)
  })
})
