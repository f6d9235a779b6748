import { describe, expect, it } from 'vitest'
import type { StoredJob } from '../../../src-main/queue/job-model'
import { newJob } from '../../../src-main/queue/job-transitions'
import { chargeOf, createSpendCap, SPEND_CAP_CODE, spendCapMessage } from '../../../src-main/queue/spend-cap'
import { imageReq, T0 } from './fakes'

/** The spending cap's arithmetic on its own: what counts, when a job waits, when it goes. */

const at = (ms = 0) => new Date(T0 + ms).toISOString()
/** A job estimated at `units` × 40 credits (one standard image each). */
const job = (units: number): StoredJob => ({ ...newJob(imageReq(), 'sandbox', at(), false), creditsEstimate: units * 40 })
/** The job as it is once its POST has left (estimate counts). */
const sending = (j: StoredJob, when = at(1)): StoredJob => Object.assign(j, { postStartedAt: when, sentAt: when })
/** …and once Krev accepted it, charging `used`. */
const accepted = (j: StoredJob, used: number): StoredJob =>
  Object.assign(j, { postStartedAt: null, generationId: 'g', creditsUsed: used, status: 'submitted' as const })

function capOf(cap: number) {
  const shown: StoredJob[] = []
  const limit = { cap }
  const sc = createSpendCap({ cap: () => limit.cap, sessionStart: T0, show: (j) => void shown.push({ ...j }) })
  return { sc, shown, limit }
}

describe('what a job counts for', () => {
  it('nothing before its POST, its estimate while the POST is out, Krev’s charge once answered', () => {
    const j = job(3)
    expect(chargeOf(j, T0)).toBe(0)
    sending(j)
    expect(chargeOf(j, T0)).toBe(120)
    accepted(j, 100)
    expect(chargeOf(j, T0)).toBe(100)
  })

  it('nothing once refunded, or when the POST is known not to have reached Krev', () => {
    const refunded = accepted(sending(job(2)), 80)
    refunded.error = { code: 'generation_failed', message: 'x', retryable: true, refunded: true }
    expect(chargeOf(refunded, T0)).toBe(0)
    const refused: StoredJob = Object.assign(sending(job(2)), { postStartedAt: null })
    expect(chargeOf(refused, T0)).toBe(0)
  })

  it('an unknown outcome counts (it may have been charged); a POST of an earlier session does not', () => {
    const unknown = Object.assign(sending(job(2)), { postStartedAt: null, status: 'failed' as const }) as StoredJob
    unknown.error = { code: 'unknown_outcome', message: 'x', retryable: false }
    expect(chargeOf(unknown, T0)).toBe(80)
    expect(chargeOf(accepted(sending(job(2), at(-1)), 80), T0)).toBe(0)
  })
})

describe('admitting a job under the cap', () => {
  it('lets through a job under the cap and one that reaches it exactly, holds one that would cross it', () => {
    const { sc, shown } = capOf(200)
    const first = job(3) // 120
    expect(sc.admit(first, () => [])).toBe(true)
    sc.track(sending(first))
    const exact = job(2) // 80: 120 + 80 = 200, the cap itself
    expect(sc.admit(exact, () => [])).toBe(true)
    sc.track(sending(exact))
    const over = job(1)
    expect(sc.admit(over, () => [])).toBe(false)
    expect(over).toMatchObject({ status: 'paused', error: { code: SPEND_CAP_CODE, retryable: false } })
    expect(over.error?.message).toBe(spendCapMessage(40, 200, 200))
    expect(over.error?.message).toBe(
      'Waiting: this job (40 credits) would take this session past your 200-credit spending cap (200 spent). Raise the cap in Settings to send it.'
    )
    expect(shown).toHaveLength(1)
    // Asked again with nothing changed: not shown (saved) again.
    expect(sc.admit(over, () => [])).toBe(false)
    expect(shown).toHaveLength(1)
  })

  it('counts jobs already started towards their POST, so two that fit alone do not cross it together', () => {
    const { sc } = capOf(200)
    const a = job(3)
    expect(sc.admit(a, () => [])).toBe(true)
    expect(sc.admit(job(3), () => [a])).toBe(false)
  })

  it('no cap (0) lets everything through', () => {
    const { sc } = capOf(0)
    const big = sending(job(100))
    sc.track(big)
    expect(sc.admit(job(100), () => [])).toBe(true)
  })

  it('a refund gives the credits back: the waiting job goes, its message cleared', () => {
    const { sc } = capOf(160)
    const a = accepted(sending(job(4)), 160)
    sc.track(a)
    const waiting = job(2)
    expect(sc.admit(waiting, () => [])).toBe(false)
    a.error = { code: 'generation_failed', message: 'x', retryable: true, refunded: true }
    sc.track(a)
    expect(sc.spent('sandbox')).toBe(0)
    expect(sc.admit(waiting, () => [])).toBe(true)
    expect(waiting.error).toBeNull()
  })

  it('raising the cap releases the waiting job; lowering it holds the next one', () => {
    const { sc, limit } = capOf(100)
    sc.track(accepted(sending(job(2)), 80))
    const waiting = job(2)
    expect(sc.admit(waiting, () => [])).toBe(false)
    limit.cap = 500
    expect(sc.admit(waiting, () => [])).toBe(true)
    limit.cap = 90
    expect(sc.admit(job(1), () => [])).toBe(false)
  })

  it('a smaller job passes a bigger one that waits', () => {
    const { sc } = capOf(200)
    sc.track(accepted(sending(job(3)), 120))
    const big = job(3)
    const small = job(2)
    expect(sc.admit(big, () => [])).toBe(false)
    expect(sc.admit(small, () => [])).toBe(true)
  })

  it('keeps each mode’s session apart', () => {
    const { sc } = capOf(100)
    const krevJob = Object.assign(accepted(sending(job(2)), 80), { mode: 'krev' as const })
    sc.track(krevJob)
    expect(sc.spent('krev')).toBe(80)
    expect(sc.spent('sandbox')).toBe(0)
    expect(sc.admit(job(2), () => [])).toBe(true)
  })
})
