import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { UnknownCheck } from '../../../src-preload/contract'
import { checkSentence, creditsLabel, isOwnChoice, isUnknownOutcome, maybeChargedText } from '../../../src-renderer/src/features/queue/job-view'
import { initialQueueState, useQueueStore } from '../../../src-renderer/src/stores/queue'
import { installFakeBridge, ok, removeBridge } from './fake-bridge'
import { job } from './fixtures'

/** What an unknown outcome reads like, and how the store keeps "Check balance" answers. */

const at = '2026-03-01T10:00:00.000Z'
const check = (over: Partial<UnknownCheck>): UnknownCheck => ({
  jobId: 'j1',
  before: { credits: 2460, at },
  after: { credits: 2420, at },
  otherJobsRan: false,
  verdict: 'spent',
  spent: 40,
  ...over
})

beforeEach(() => useQueueStore.setState(initialQueueState))
afterEach(removeBridge)

describe('unknown outcome view', () => {
  it('says what is known', () => {
    const unknown = job({ status: 'failed', creditsEstimate: 40, error: { code: 'unknown_outcome', message: 'm', retryable: false } })
    expect(isUnknownOutcome(unknown)).toBe(true)
    expect(isUnknownOutcome(job({ status: 'failed', error: { code: 'io', message: 'm', retryable: true } }))).toBe(false)
    expect(maybeChargedText(unknown, 'en-US')).toBe('Krev may have charged this (about 40 credits).')
  })

  it('turns each check into one sentence', () => {
    expect(checkSentence(check({}), 'en-US')).toBe('Balance 2,460 → 2,420: 40 credits were spent, most likely by this job.')
    expect(checkSentence(check({ after: { credits: 2460, at }, verdict: 'unchanged', spent: 0 }), 'en-US')).toBe(
      'Balance 2,460 → 2,460, unchanged: this job was probably not charged.'
    )
    expect(checkSentence(check({ otherJobsRan: true, verdict: 'other_jobs', spent: null }), 'en-US')).toBe(
      'Balance 2,460 → 2,420: other jobs ran since; can’t tell.'
    )
    expect(checkSentence(check({ before: null, verdict: 'no_before', spent: null }), 'en-US')).toMatch(/^Balance now 2,420: no earlier balance/)
  })

  it('keeps the answer per job', async () => {
    installFakeBridge({ 'queue.checkUnknown': ok(check({ jobId: 'j1' })) })
    expect(await useQueueStore.getState().checkUnknown('j1')).toBeNull()
    expect(useQueueStore.getState().checks['j1']).toMatchObject({ verdict: 'spent', spent: 40 })
  })
})

describe('how a job reads in the queue', () => {
  it('a refund reads "refunded", an estimate "est.", a charge "credits"', () => {
    expect(creditsLabel(job({ creditsEstimate: 40, creditsUsed: null }))).toBe('40 est.')
    expect(creditsLabel(job({ creditsEstimate: 40, creditsUsed: 40 }))).toBe('40 credits')
    expect(creditsLabel(job({ status: 'failed', creditsUsed: 40, error: { code: 'server_error', message: 'Krev failed.', retryable: true, refunded: true } }))).toBe('refunded')
  })

  it('the creator’s own cancel or spending cap is a note; a failure is not', () => {
    expect(isOwnChoice(job({ status: 'cancelled', error: { code: 'cancelled', message: 'Cancelled.', retryable: false } }))).toBe(true)
    expect(isOwnChoice(job({ status: 'paused', error: { code: 'spend_cap', message: 'Waiting.', retryable: true } }))).toBe(true)
    expect(isOwnChoice(job({ status: 'failed', error: { code: 'server_error', message: 'Krev failed.', retryable: true } }))).toBe(false)
    expect(isOwnChoice(job({ status: 'succeeded', error: null }))).toBe(false)
  })
})
