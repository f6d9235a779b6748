import { create } from 'zustand'
import type { CommandInput, Job } from '../../../src-preload/contract'
import { invoke, isStudioError } from '../api/client'
import { estimateCredits, VIDEO_MAX_SECONDS, VIDEO_MIN_SECONDS } from '../lib/pricing'
import { historyStorage, readHistory, remember, step, writeHistory, type PromptHistory, type Recall } from '../features/create/prompt-history'
import { createSubmitActions } from '../features/create/submit-action'
import { useQueueStore } from './queue'
import {
  AD_ASPECTS,
  IMAGE_ASPECTS,
  IMAGE_COUNTS,
  MAX_PROMPT,
  type AdAspect,
  type AudioMode,
  type ImageAspect,
  type ImageCount
} from '../../../src-preload/contract/values'

export type CreateKind = 'image' | 'video' | 'ad'
export type { AdAspect, AudioMode, ImageAspect }
export type VariantCount = ImageCount
export type GenerationInput = CommandInput<'generation.submit'>

export { AD_ASPECTS, IMAGE_ASPECTS, MAX_PROMPT }
export const COUNTS: readonly VariantCount[] = IMAGE_COUNTS

export interface CreateDraft {
  kind: CreateKind
  prompts: Record<CreateKind, string>
  imageAspect: ImageAspect
  videoAspect: ImageAspect
  adAspect: AdAspect
  imageCount: VariantCount
  adCount: VariantCount
  hd: boolean
  duration: number
  audioMode: AudioMode
  productIds: string[]
  brandContext: string
}

export const initialDraft: CreateDraft = {
  kind: 'image',
  prompts: { image: '', video: '', ad: '' },
  imageAspect: '1:1',
  videoAspect: '16:9',
  adAspect: '4:5',
  imageCount: 1,
  adCount: 1,
  hd: false,
  duration: 5,
  audioMode: 'auto',
  productIds: [],
  brandContext: ''
}

export function draftEstimate(d: CreateDraft): number {
  if (d.kind === 'image') return estimateCredits({ kind: 'image', count: d.imageCount, hd: d.hd })
  if (d.kind === 'video') return estimateCredits({ kind: 'video', duration: d.duration })
  return estimateCredits({ kind: 'ad', count: d.adCount })
}

/** The request `generation.submit` takes, or what is missing, in words. */
export function buildRequest(d: CreateDraft): { request: GenerationInput } | { error: string } {
  const prompt = d.prompts[d.kind].trim()
  if (!prompt) return { error: d.kind === 'ad' ? 'Write a short brief for the ad.' : 'Describe what you want to see.' }
  if (prompt.length > MAX_PROMPT) return { error: `Keep it under ${MAX_PROMPT.toLocaleString('en-US')} characters.` }
  const products = d.productIds.slice(0, 10)
  switch (d.kind) {
    case 'image':
      return {
        request: {
          kind: 'image',
          params: {
            prompt,
            aspectRatio: d.imageAspect,
            hd: d.hd,
            imageCount: d.imageCount,
            ...(products.length ? { productIds: products } : {})
          }
        }
      }
    case 'video': {
      const duration = Math.min(VIDEO_MAX_SECONDS, Math.max(VIDEO_MIN_SECONDS, Math.round(d.duration)))
      return {
        request: {
          kind: 'video',
          params: {
            prompt,
            aspectRatio: d.videoAspect,
            duration,
            audioMode: d.audioMode,
            ...(products[0] ? { productId: products[0] } : {})
          }
        }
      }
    }
    case 'ad':
      if (products.length === 0) return { error: 'Pick at least one product for the ad.' }
      return {
        request: {
          kind: 'ad',
          params: {
            brief: prompt,
            productIds: products,
            aspectRatio: d.adAspect,
            imageCount: d.adCount,
            ...(d.brandContext.trim() ? { brandContext: d.brandContext.trim().slice(0, 2000) } : {})
          }
        }
      }
  }
}

/** Videos take one product; images and ads up to ten. */
export function toggleProductId(d: CreateDraft, id: string): string[] {
  if (d.productIds.includes(id)) return d.productIds.filter((p) => p !== id)
  if (d.kind === 'video') return [id]
  return [...d.productIds, id].slice(-10)
}

export interface SubmitFailure {
  code: string
  message: string
  retryAfterMs?: number
}

interface CreateState {
  draft: CreateDraft
  submitting: boolean
  failure: SubmitFailure | null
  lastJob: Job | null
  /** Prompts generated with, per kind, newest last (prompt-history.ts). */
  history: PromptHistory
  recall: Recall | null
  patch(p: Partial<CreateDraft>): void
  setPrompt(text: string): void
  toggleProduct(id: string): void
  usePrompt(kind: CreateKind, text: string): void
  clearFailure(): void
  /** ↑/↓ in the prompt box: false when there was nothing to recall (the keys move the caret). */
  recallPrompt(direction: 'older' | 'newer'): boolean
  /** One Generate press; a repeat of the same action answers its job (submit-action.ts). */
  submit(): Promise<Job | null>
}

const promptOf = (r: GenerationInput): string => (r.kind === 'ad' ? r.params.brief : r.params.prompt)

export const useCreateStore = create<CreateState>()((set, get) => {
  const actions = createSubmitActions({ now: () => Date.now(), newId: () => globalThis.crypto.randomUUID() })
  let inFlight: { actionId: string; job: Promise<Job | null> } | null = null

  async function send(request: GenerationInput, actionId: string): Promise<Job | null> {
    set({ submitting: true, failure: null })
    actions.sent(actionId)
    let ok = false
    try {
      const job = await invoke('generation.submit', { ...request, actionId })
      ok = true
      useQueueStore.getState().upsertJob(job)
      // The prompt stays in the box (to tweak and go again) and joins the history.
      set((s) => {
        const history = { ...s.history, [request.kind]: remember(s.history[request.kind], promptOf(request)) }
        writeHistory(historyStorage(), history)
        return { lastJob: job, history, recall: null }
      })
      return job
    } catch (e) {
      const failure: SubmitFailure = isStudioError(e)
        ? { code: e.code, message: e.message, ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) }
        : { code: 'internal', message: 'Something went wrong. Please try again.' }
      set({ failure })
      return null
    } finally {
      actions.answered(actionId, ok)
      if (inFlight?.actionId === actionId) inFlight = null
      set({ submitting: inFlight !== null })
    }
  }

  return {
    draft: initialDraft,
    submitting: false,
    failure: null,
    lastJob: null,
    history: readHistory(historyStorage()),
    recall: null,

    patch: (p) =>
      set((s) => {
        const draft = { ...s.draft, ...p }
        // A video keeps only one product.
        if (p.kind === 'video' && draft.productIds.length > 1) draft.productIds = draft.productIds.slice(0, 1)
        return { draft, failure: null }
      }),
    setPrompt: (text) => set((s) => ({ draft: { ...s.draft, prompts: { ...s.draft.prompts, [s.draft.kind]: text } } })),
    toggleProduct: (id) => set((s) => ({ draft: { ...s.draft, productIds: toggleProductId(s.draft, id) } })),
    usePrompt: (kind, text) =>
      set((s) => ({ draft: { ...s.draft, kind, prompts: { ...s.draft.prompts, [kind]: text } }, failure: null })),
    clearFailure: () => set({ failure: null }),

    recallPrompt: (direction) => {
      const { draft, history, recall } = get()
      const next = step(history[draft.kind], draft.prompts[draft.kind], recall, draft.kind, direction)
      if (!next) return false
      set({ draft: { ...draft, prompts: { ...draft.prompts, [draft.kind]: next.prompt } }, recall: next.recall })
      return true
    },

    submit: () => {
      const built = buildRequest(get().draft)
      if ('error' in built) {
        set({ failure: { code: 'invalid_input', message: built.error } })
        return Promise.resolve(null)
      }
      const actionId = actions.press(built.request)
      // The same action still on its way: its answer is this press's answer too.
      if (inFlight?.actionId === actionId) return inFlight.job
      const job = send(built.request, actionId)
      inFlight = { actionId, job }
      return job
    }
  }
})
