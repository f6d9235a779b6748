import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  buildRequest,
  draftEstimate,
  initialDraft,
  toggleProductId,
  useCreateStore,
  type CreateDraft
} from '../../../src-renderer/src/stores/create'
import { useQueueStore } from '../../../src-renderer/src/stores/queue'
import { describeFailure } from '../../../src-renderer/src/features/create/submit-error'
import { fail, installFakeBridge, ok, removeBridge } from './fake-bridge'
import { job } from './fixtures'
import { freshCreateState } from './fresh-create-state'

const draft = (over: Partial<CreateDraft> = {}): CreateDraft => ({ ...initialDraft, ...over })

beforeEach(freshCreateState)
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

  it('submits, adds the job to the queue, keeps the prompt and remembers it', async () => {
    const bridge = installFakeBridge({ 'generation.submit': ok(job({ id: 'new' })) })
    useCreateStore.getState().setPrompt('Wallet on marble')
    const out = await useCreateStore.getState().submit()
    expect(out?.id).toBe('new')
    expect(bridge.calls[0].name).toBe('generation.submit')
    expect(useQueueStore.getState().jobs.map((j) => j.id)).toEqual(['new'])
    expect(useCreateStore.getState().draft.prompts.image).toBe('Wallet on marble')
    expect(useCreateStore.getState().history.image).toEqual(['Wallet on marble'])
    expect(useCreateStore.getState().submitting).toBe(false)
  })

  it('sends one action id per action: presses while it is on its way share it, a changed prompt is a new action', async () => {
    const bridge = installFakeBridge({ 'generation.submit': (input: unknown) => ok(job({ id: (input as { actionId: string }).actionId })) })
    const s = useCreateStore.getState()
    s.setPrompt('Wallet on marble')
    const presses = [s.submit(), s.submit(), s.submit()]
    const answers = await Promise.all(presses)
    expect(bridge.calls).toHaveLength(1)
    const first = (bridge.calls[0].input as { actionId: string }).actionId
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(answers.map((j) => j?.id)).toEqual([first, first, first])

    s.setPrompt('Wallet on oak')
    await s.submit()
    const second = (bridge.calls[1].input as { actionId: string; params: { prompt: string } })
    expect(second.params.prompt).toBe('Wallet on oak')
    expect(second.actionId).not.toBe(first)
    expect(useQueueStore.getState().jobs.map((j) => j.id).sort()).toEqual([first, second.actionId].sort())
  })

  it('recalls earlier prompts with ↑ in an empty box and goes forward with ↓, per kind', async () => {
    installFakeBridge({ 'generation.submit': (input: unknown) => ok(job({ id: (input as { actionId: string }).actionId })) })
    const s = useCreateStore.getState()
    for (const p of ['first', 'second', 'third']) {
      s.setPrompt(p)
      await s.submit()
    }
    const prompt = () => useCreateStore.getState().draft.prompts.image
    // The box holds text of its own: the arrows move the caret.
    expect(s.recallPrompt('older')).toBe(false)
    s.setPrompt('')
    expect(s.recallPrompt('newer')).toBe(false)
    expect(s.recallPrompt('older')).toBe(true)
    expect(prompt()).toBe('third')
    s.recallPrompt('older')
    s.recallPrompt('older')
    expect(prompt()).toBe('first')
    s.recallPrompt('older') // the oldest stays
    expect(prompt()).toBe('first')
    s.recallPrompt('newer')
    expect(prompt()).toBe('second')
    s.recallPrompt('newer')
    s.recallPrompt('newer')
    expect(prompt()).toBe('')
    // Edited text is the creator's own, not a recall.
    s.recallPrompt('older')
    s.setPrompt('third, but blue')
    expect(s.recallPrompt('older')).toBe(false)
    // Another kind has a history of its own.
    s.patch({ kind: 'video' })
    expect(useCreateStore.getState().recallPrompt('older')).toBe(false)
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
    expect(describeFailure({ code: 'weird', message: 'Odd' })).toMatchObject({ body: 'Odd', action: 'retry' })
  })
})
