import { describe, expect, it } from 'vitest'
import { formatBytes, formatThousands, nextMonthStartUtc, priceAds, priceImages, priceVideo } from '../../../src-main/sandbox/ledger'
import { RateLimiter } from '../../../src-main/sandbox/rate-limit'
import { Router } from '../../../src-main/sandbox/router'
import { UrlSigner } from '../../../src-main/sandbox/signing'
import { canvasSize } from '../../../src-main/sandbox/render-image'
import { isUuid, seededRandom } from '../../../src-main/sandbox/util'

describe('ledger prices and formatting', () => {
  it('matches the reference price list', () => {
    expect(priceImages(1, false)).toBe(40)
    expect(priceImages(2, false)).toBe(80)
    expect(priceImages(1, true)).toBe(80)
    expect(priceVideo(5)).toBe(400)
    expect(priceVideo(10)).toBe(800)
    expect(priceVideo(15)).toBe(1200)
    expect(priceAds(1)).toBe(40)
  })

  it('formats like the reference', () => {
    expect(formatThousands(1840)).toBe('1,840')
    expect(formatThousands(2500)).toBe('2,500')
    expect(formatThousands(7)).toBe('7')
    expect(formatBytes(524288000)).toBe('500 MB')
    expect(formatBytes(2147483648)).toBe('2 GB')
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
  })

  it('resets on the first of next month, UTC, across year ends', () => {
    expect(nextMonthStartUtc(new Date('2026-02-14T12:00:00Z'))).toBe('2026-03-01T00:00:00Z')
    expect(nextMonthStartUtc(new Date('2026-12-31T23:59:59Z'))).toBe('2027-01-01T00:00:00Z')
  })
})

describe('rate limiter (token bucket per user)', () => {
  it('allows the capacity, then 429s with an integer Retry-After that refills', () => {
    let now = 0
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 0.5 }, () => now)
    expect([1, 2, 3].map(() => limiter.take('u').allowed)).toEqual([true, true, true])
    expect(limiter.take('u')).toEqual({ allowed: false, retryAfterSeconds: 2 })
    expect(limiter.take('other').allowed).toBe(true)
    now = 2000
    expect(limiter.take('u').allowed).toBe(true)
    expect(limiter.take('u').allowed).toBe(false)
  })

  it('never advises less than one second', () => {
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 100 }, () => 0)
    limiter.take('u')
    const denied = limiter.take('u')
    expect(denied).toEqual({ allowed: false, retryAfterSeconds: 1 })
  })
})

describe('URL signing', () => {
  const signer = new UrlSigner('secret', 60, () => 'http://127.0.0.1:1')
  it('verifies its own URLs until they expire', () => {
    const url = new URL(signer.sign('default/a.webp', 1_000_000))
    const check = (now: number) => signer.verify(url.pathname, url.searchParams.get('exp'), url.searchParams.get('sig'), now)
    expect(check(1_000_000)).toBe('ok')
    expect(check(1_059_999)).toBe('ok')
    expect(check(1_060_000)).toBe('expired')
  })
  it('rejects other paths, altered expiries and junk', () => {
    const url = new URL(signer.sign('default/a.webp', 0))
    const exp = url.searchParams.get('exp')
    const sig = url.searchParams.get('sig')
    expect(signer.verify('/storage/default/b.webp', exp, sig, 0)).toBe('bad')
    expect(signer.verify(url.pathname, String(Number(exp) + 1), sig, 0)).toBe('bad')
    expect(signer.verify(url.pathname, null, sig, 0)).toBe('bad')
    expect(signer.verify(url.pathname, '1e9', sig, 0)).toBe('bad')
    expect(new UrlSigner('other', 60, () => '').verify(url.pathname, exp, sig, 0)).toBe('bad')
  })
})

describe('router', () => {
  const router = new Router()
    .add({ method: 'GET', pattern: '/api/v1/generations/:id', auth: 'bearer', handler: async () => ({ kind: 'json', status: 200, body: {} }) })
    .add({ method: 'POST', pattern: '/api/v1/images', auth: 'bearer', handler: async () => ({ kind: 'json', status: 200, body: {} }) })
    .add({ method: 'GET', pattern: '/storage/*', auth: 'signed', handler: async () => ({ kind: 'json', status: 200, body: {} }) })
  it('matches params, prefixes, HEAD as GET, and reports 405 vs 404', () => {
    expect(router.match('GET', '/api/v1/generations/abc')).toMatchObject({ kind: 'found', params: { id: 'abc' } })
    expect(router.match('HEAD', '/storage/u/f.png')).toMatchObject({ kind: 'found' })
    expect(router.match('GET', '/storage')).toEqual({ kind: 'not-found' })
    expect(router.match('GET', '/api/v1/images')).toEqual({ kind: 'method-not-allowed', allow: ['POST'] })
    expect(router.match('GET', '/api/v1/generations/a/b')).toEqual({ kind: 'not-found' })
    expect(router.match('GET', '/api/v1/generations/%E0%A4%A')).toEqual({ kind: 'not-found' })
  })
})

describe('small helpers', () => {
  it('canvas sizes are exact ratios near the long side', () => {
    expect(canvasSize('1:1', 1024)).toEqual({ width: 1024, height: 1024 })
    expect(canvasSize('16:9', 1024)).toEqual({ width: 1024, height: 576 })
    expect(canvasSize('4:5', 1024)).toEqual({ width: 816, height: 1020 })
    expect(canvasSize('16:9', 3840)).toEqual({ width: 3840, height: 2160 })
    expect(canvasSize('9:16', 480)).toEqual({ width: 270, height: 480 })
  })
  it('uuid check and seeded randomness', () => {
    expect(isUuid('a1b2c3d4-0000-4000-8000-000000000000')).toBe(true)
    expect(isUuid('a1b2c3d4-...')).toBe(false)
    const a = seededRandom('x')
    const b = seededRandom('x')
    expect([a(), a(), a()]).toEqual([b(), b(), b()])
  })
})
