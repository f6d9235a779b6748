import { describe, expect, it } from 'vitest'
import type { BatchInfo } from '../../../src-preload/contract'
import { batchCredits, planBatch, type BatchSettings } from '../../../src-renderer/src/features/create/batch-plan'
import { batchSummaries } from '../../../src-renderer/src/features/queue/batch-progress'
import { initialDraft, type CreateDraft } from '../../../src-renderer/src/stores/create'
import { job } from './fixtures'

const draft = (over: Partial<CreateDraft> = {}): CreateDraft => ({ ...initialDraft, ...over })
const settings = (over: Partial<BatchSettings> = {}): BatchSettings => ({
  source: 'products',
  productIds: [],
  count: 1,
  prompt: 'Wallet on marble',
  rows: [],
  ...over
})

describe('batch estimate', () => {
  it('3 products × 2 variants: 3 image jobs of 2, 240 credits', () => {
    const plan = planBatch(draft(), settings({ productIds: ['a', 'b', 'c'], count: 2 }))
    expect(plan.problems).toEqual([])
    expect(plan.missing).toBeNull()
    expect(plan.requests.map((r) => r.kind === 'image' && [r.params.productIds, r.params.imageCount])).toEqual([
      [['a'], 2],
      [['b'], 2],
      [['c'], 2]
    ])
    expect(plan.credits).toBe(240)
    expect(plan.productOf).toEqual(['a', 'b', 'c'])
  })

  it('HD doubles every job; a video job is priced by its seconds; ads by their images', () => {
    expect(planBatch(draft({ hd: true }), settings({ productIds: ['a', 'b'], count: 4 })).credits).toBe(2 * 4 * 80)
    expect(planBatch(draft({ kind: 'video', duration: 6 }), settings({ productIds: ['a', 'b'] })).credits).toBe(2 * 6 * 80)
    expect(planBatch(draft({ kind: 'ad' }), settings({ productIds: ['a'], count: 2 })).credits).toBe(80)
  })

  it('prompt rows keep their own parameters over the batch and the form', () => {
    const rows = [
      { line: 2, prompt: 'One' },
      { line: 3, prompt: 'Two', count: 4 as const, hd: true, aspect: '16:9' }
    ]
    const plan = planBatch(draft({ imageAspect: '1:1' }), settings({ source: 'prompts', count: 2, rows, productIds: ['ref'] }))
    expect(plan.requests).toEqual([
      { kind: 'image', params: { prompt: 'One', aspectRatio: '1:1', hd: false, imageCount: 2, productIds: ['ref'] } },
      { kind: 'image', params: { prompt: 'Two', aspectRatio: '16:9', hd: true, imageCount: 4, productIds: ['ref'] } }
    ])
    expect(plan.credits).toBe(80 + 320)
    expect(batchCredits(plan.requests)).toBe(plan.credits)
  })

  it('says what is missing before there is a batch, and names the row Create would refuse', () => {
    expect(planBatch(draft(), settings()).missing).toBe('Pick the products: one job is made for each.')
    expect(planBatch(draft(), settings({ prompt: ' ', productIds: ['a'] })).missing).toBe('Write the prompt every product is shot with.')
    expect(planBatch(draft(), settings({ source: 'prompts' })).missing).toBe('Add prompts: one per line, or load a CSV file.')
    const ads = planBatch(draft({ kind: 'ad' }), settings({ source: 'prompts', rows: [{ line: 4, prompt: 'No product' }] }))
    expect(ads.problems).toEqual([{ line: 4, message: 'pick at least one product for the ad.' }])
    expect(ads.requests).toEqual([])
  })
})

describe('batch progress', () => {
  const info: BatchInfo = { id: 'b1', name: 'Spring', createdAt: '2026-03-01T10:00:00.000Z', jobCount: 3, creditsEstimate: 240 }
  it('done / total, failed, waiting on the cap, unsent, credits charged', () => {
    const jobs = [
      job({ id: 'a', batchId: 'b1', status: 'succeeded', creditsUsed: 80, generationId: 'g1' }),
      job({ id: 'b', batchId: 'b1', status: 'failed', creditsUsed: null, generationId: 'g2' }),
      job({ id: 'c', batchId: 'b1', status: 'paused', generationId: null, error: { code: 'spend_cap', message: 'Waiting', retryable: false } }),
      job({ id: 'd', status: 'succeeded' })
    ]
    expect(batchSummaries(jobs, { b1: info })).toEqual([
      {
        id: 'b1',
        name: 'Spring',
        total: 3,
        done: 1,
        failed: 1,
        cancelled: 0,
        waiting: 1,
        unsent: 1,
        spent: 80,
        estimate: 240,
        finished: false,
        createdAt: info.createdAt
      }
    ])
  })

  it('a batch whose record is not read yet still shows, from its jobs', () => {
    const [s] = batchSummaries([job({ id: 'a', batchId: 'b2', status: 'succeeded', creditsEstimate: 40 })], {})
    expect(s).toMatchObject({ name: 'Batch', total: 1, done: 1, estimate: 40, finished: true })
  })
})
