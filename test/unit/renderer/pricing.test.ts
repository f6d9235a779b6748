import { describe, expect, it } from 'vitest'
import { estimateRequestCredits } from '../../../src-preload/contract/estimate'
import { estimateCredits as queueEstimate } from '../../../src-main/queue/pricing'
import { estimateCredits, isLowCredit, PRICES } from '../../../src-renderer/src/lib/pricing'

describe('credit estimate', () => {
  it('prices images per image, HD at twice the price', () => {
    expect(estimateCredits({ kind: 'image', count: 1, hd: false })).toBe(40)
    expect(estimateCredits({ kind: 'image', count: 2, hd: false })).toBe(80)
    expect(estimateCredits({ kind: 'image', count: 4, hd: true })).toBe(320)
  })

  it('prices videos per second, clamped to 4–15 s', () => {
    expect(estimateCredits({ kind: 'video', duration: 5 })).toBe(400)
    expect(estimateCredits({ kind: 'video', duration: 10 })).toBe(800)
    expect(estimateCredits({ kind: 'video', duration: 15 })).toBe(1200)
    expect(estimateCredits({ kind: 'video', duration: 2 })).toBe(4 * PRICES.videoPerSecond)
    expect(estimateCredits({ kind: 'video', duration: 99 })).toBe(15 * PRICES.videoPerSecond)
  })

  it('prices ads per image', () => {
    expect(estimateCredits({ kind: 'ad', count: 2 })).toBe(80)
    expect(estimateCredits({ kind: 'ad', count: 0 })).toBe(40)
  })

  it('is one estimate: a whole request priced in main equals the draft priced in the renderer', () => {
    expect(queueEstimate).toBe(estimateRequestCredits)
    const image = { kind: 'image', params: { imageCount: 3, hd: true } } as const
    expect(estimateRequestCredits(image)).toBe(estimateCredits({ kind: 'image', count: 3, hd: true }))
    expect(estimateRequestCredits({ kind: 'video', params: { duration: 7 } })).toBe(7 * PRICES.videoPerSecond)
    expect(estimateRequestCredits({ kind: 'ad', params: { imageCount: 4 } })).toBe(4 * PRICES.adImage)
  })

  it('flags a low balance only when both numbers are known', () => {
    expect(isLowCredit(120, 200)).toBe(true)
    expect(isLowCredit(200, 200)).toBe(false)
    expect(isLowCredit(null, 200)).toBe(false)
    expect(isLowCredit(100, undefined)).toBe(false)
  })
})
