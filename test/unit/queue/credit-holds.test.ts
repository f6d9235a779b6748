import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src-main/core/logger'
import type { StoredJob } from '../../../src-main/queue/job-model'
import { affordable, createCreditHolds, creditsMessage, neededBy } from '../../../src-main/queue/credit-holds'

/** The per-job affordability rule: a job waits only when the known balance can't cover it. */

const waiting = (id: string, creditsEstimate: number, over: Partial<StoredJob> = {}) =>
  ({ id, mode: 'sandbox', status: 'pending', generationId: null, creditsEstimate, error: null, ...over }) as StoredJob

describe('affordable', () => {
  it('covers a job when its estimate plus what is on its way fits the balance; an unknown balance covers all', () => {
    const image = waiting('i', 40)
    expect(affordable(image, 100, 0)).toBe(true)
    expect(affordable(image, 100, 60)).toBe(true)
    expect(affordable(image, 100, 61)).toBe(false)
    expect(affordable(waiting('v', 1200), 1199, 0)).toBe(false)
    expect(affordable(waiting('v', 1200), null, 10_000)).toBe(true)
  })

  it('a job Krev refused with more available needs more than that, whatever its estimate', () => {
    const refused = waiting('i', 40, { error: { code: 'insufficient_credits', message: '', retryable: true, credits: { needed: 101, balance: 100 } } })
    expect(neededBy(refused)).toBe(101)
    expect(affordable(refused, 100, 0)).toBe(false)
    expect(affordable(refused, 101, 0)).toBe(true)
  })

  it('says what it needs and what there is', () => {
    expect(creditsMessage(1200, 300)).toBe('Needs 1,200 credits, you have 300.')
    expect(creditsMessage(40, -5)).toBe('Needs 40 credits, you have 0.')
  })
})

describe('createCreditHolds', () => {
  const holds = (balance: number) => {
    const shown: StoredJob[] = []
    let pumps = 0
    const h = createCreditHolds({
      fresh: async () => balance,
      sleep: () => new Promise(() => undefined),
      life: () => new AbortController().signal,
      show: (j) => void shown.push(j),
      pump: () => void pumps++,
      logger: silentLogger
    })
    return { h, shown, pumps: () => pumps }
  }

  it('after a 402 holds what the balance cannot cover and admits what it can; a higher balance releases them', async () => {
    const { h, pumps } = holds(300)
    const video = waiting('v', 1200)
    await h.refused(video)
    expect(video).toMatchObject({ status: 'paused', error: { code: 'insufficient_credits', credits: { needed: 1200, balance: 300 } } })
    const other = waiting('v2', 1200)
    const image = waiting('i', 40)
    expect(h.admit(other, () => [])).toBe(false)
    expect(other.error?.message).toBe('Needs 1,200 credits, you have 300.')
    expect(h.admit(image, () => [])).toBe(true)
    // Two images on their way leave 220: a third of 40 fits, a 260 would not.
    expect(h.admit(waiting('big', 260), () => [waiting('a', 40), waiting('b', 40)])).toBe(false)
    h.settle([video, other])
    expect(h.known()).toBe(300)
    h.balanceSeen(5000)
    expect(pumps()).toBe(1)
    expect(h.admit(video, () => [])).toBe(true)
    expect(video).toMatchObject({ status: 'pending', error: null })
  })

  it('off until a 402, and off again once nothing is held (a balance seen meanwhile changes nothing)', async () => {
    const { h, pumps } = holds(10)
    h.balanceSeen(0)
    expect(pumps()).toBe(0)
    expect(h.admit(waiting('v', 1200), () => [])).toBe(true)
    const j = waiting('i', 40)
    await h.refused(j)
    expect(h.known()).toBe(10)
    j.status = 'cancelled'
    j.error = null
    h.settle([])
    expect(h.known()).toBeNull()
  })

  it('a job refused although its estimate fits waits for more than the balance Krev refused it at', async () => {
    const { h } = holds(100)
    const j = waiting('i', 40)
    await h.refused(j)
    expect(j.error?.credits).toEqual({ needed: 101, balance: 100 })
    expect(h.admit(j, () => [])).toBe(false)
  })
})
