import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  buildRequest,
  draftEstimate,
  initialDraft,
  toggleProductId,
  useCreateStore,
  type CreateDraft
} from '../../../src-renderer/src/stores/create'
import { initialQueueState, useQueueStore } from '../../../src-renderer/src/stores/queue'
import { describeFailure } from '../../../src-renderer/src/features/create/submit-error'
import { fail, installFakeBridge, ok, removeBridge } from './fake-bridge'
import { job } from './fixtures'

const draft = (over: Partial<CreateDraft> = {}): CreateDraft => ({ ...initialDraft, ...over })

beforeEach(() => {
  useCreateStore.setState({ draft: initialDraft, submitting: false, failure: null, lastJob: null })
  useQueueStore.setState(initialQueueState)
})
afterEach(removeBridge)

describe('create form', () => {
  it('builds an image request with the chosen options', () => {
    const d = draft({ prompts: { image: '  Wallet on marble  ', video: '', ad: '' }, imageAspect: '4:3', imageCount: 4, hd: true, productIds: ['p1'] })
    expect(buildRequest(d)).toEqual({
      request: { kind: 'image', params: { prompt: 'Wallet on marble', aspectRatio: '4:3', hd: true, imageCount: 4, productIds: ['p1'] } }
    })
    expect(draftEstimate(d)).toBe(320)
  })

  it('builds a video request with a clamped duration and one product', () => {
    const d = draft({ kind: 'video', prompts: { image: '', video: 'Orbit', ad: '' }, duration: 22, productIds: ['p2', 'p3'] })
    expect(buildRequest(d)).toEqual({
      request: { kind: 'video', params: { prompt: 'Orbit', aspectRatio: '16:9', duration: 15, audioMode: 'auto', productId: 'p2' } }
    })
    expect(draftEstimate({ ...d, duration: 8 })).toBe(640)
  })

  it('needs a brief and a product for an ad', () => {
    const d = draft({ kind: 'ad', prompts: { image: '', video: '', ad: 'DR ad' }, adCount: 2 })
    expect(buildRequest(d)).toEqual({ error: 'Pick at least one product for the ad.' })
    expect(buildRequest({ ...d, productIds: ['p1'], brandContext: ' calm ' })).toEqual({
      request: { kind: 'ad', params: { brief: 'DR ad', productIds: ['p1'], aspectRatio: '4:5', imageCount: 2, brandContext: 'calm' } }
    })
    expect(buildRequest(draft({ kind: 'ad' }))).toEqual({ error: 'Write a short brief for the ad.' })
    expect(buildRequest(draft())).toEqual({ error: 'Describe what you want to see.' })
    expect(draftEstimate(d)).toBe(80)
  })

  it('toggles products, one for videos and up to ten otherwise', () => {
    expect(toggleProductId(draft({ productIds: ['a'] }), 'b')).toEqual(['a', 'b'])
    expect(toggleProductId(draft({ productIds: ['a', 'b'] }), 'a')).toEqual(['b'])
    expect(toggleProductId(draft({ kind: 'video', productIds: ['a'] }), 'b')).toEqual(['b'])
    const ten = Array.from({ length: 10 }, (_, i) => `p${i}`)
    expect(toggleProductId(draft({ productIds: ten }), 'new')).toHaveLength(10)
  })

  it('submits, adds the job to the queue and clears the prompt', async () => {
    const bridge = installFakeBridge({ 'generation.submit': ok(job({ id: 'new' })) })
    useCreateStore.getState().setPrompt('Wallet on marble')
    const out = await useCreateStore.getState().submit()
    expect(out?.id).toBe('new')
    expect(bridge.calls[0].name).toBe('generation.submit')
    expect(useQueueStore.getState().jobs.map((j) => j.id)).toEqual(['new'])
    expect(useCreateStore.getState().draft.prompts.image).toBe('')
    expect(useCreateStore.getState().submitting).toBe(false)
  })

  it('keeps the prompt and a typed failure when submit fails', async () => {
    installFakeBridge({ 'generation.submit': fail('rate_limited', 'Too many requests', { retryable: true, retryAfterMs: 4200 }) })
    useCreateStore.getState().setPrompt('Wallet')
    expect(await useCreateStore.getState().submit()).toBeNull()
    const failure = useCreateStore.getState().failure
    expect(failure).toEqual({ code: 'rate_limited', message: 'Too many requests', retryAfterMs: 4200 })
    expect(useCreateStore.getState().draft.prompts.image).toBe('Wallet')
    expect(describeFailure(failure!)).toMatchObject({ title: 'Krev is busy right now', body: 'Too many requests. Try again in 5 s.', action: 'retry' })
  })

  it('describes each failure with one next step', () => {
    expect(describeFailure({ code: 'insufficient_credits', message: 'Needs 400' }).action).toBe('dashboard')
    expect(describeFailure({ code: 'unauthorized', message: 'x' }).action).toBe('account')
    expect(describeFailure({ code: 'not_implemented', message: 'x' })).toMatchObject({ action: null, title: expect.stringMatching(/isn’t available/) })
    expect(describeFailure({ code: 'weird', message: 'Odd' })).toMatchObject({ body: 'Odd', action: 'retry' })
  })
})
