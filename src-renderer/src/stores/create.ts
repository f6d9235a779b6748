import { create } from 'zustand'
import { promptOf } from '../../../src-preload/contract/request-text'
import type { GenerationRequest, Job } from '../../../src-preload/contract'
import { invoke, isStudioError } from '../api/client'
import {
  buildRequest,
  draftFromRequest,
  initialDraft,
  toggleProductId,
  type CreateDraft,
  type CreateKind,
  type GenerationInput
} from '../features/create/draft'
import { findLibraryOutputs, recogniseProducts, refreshInputs } from '../features/create/refresh-inputs'
import { historyStorage, readHistory, remember, step, writeHistory, type PromptHistory, type Recall } from '../features/create/prompt-history'
import { createSubmitActions } from '../features/create/submit-action'
import { useAppStore } from './app'
import { useProductsStore } from './products'
import { useQueueStore } from './queue'

// The form's model lives beside the form; the store is where components reach it.
export * from '../features/create/draft'

export { AD_ASPECTS, IMAGE_ASPECTS, IMAGE_COUNTS as COUNTS } from '../../../src-preload/contract/values'

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
  /** Loads every parameter of a request into the form and opens Create (Remix). */
  remix(request: GenerationRequest): void
  /** One Generate press; a repeat of the same action answers its job (submit-action.ts). */
  submit(): Promise<Job | null>
}

export const useCreateStore = create<CreateState>()((set, get) => {
  const actions = createSubmitActions({ now: () => Date.now(), newId: () => globalThis.crypto.randomUUID() })
  let inFlight: { actionId: string; job: Promise<Job | null> } | null = null
  // Library/catalogue links that expired are fetched again first; a press meanwhile is the same press.
  let refreshing: Promise<Job | null> | null = null
  // A Remix asking main which of its links are Library outputs: a press waits for the answer.
  let recognising: Promise<void> | null = null

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

    remix: (request) => {
      const products = useProductsStore.getState().items
      set((s) => ({ draft: recogniseProducts(draftFromRequest(request, s.draft), products), failure: null, recall: null }))
      useAppStore.getState().navigate('create')
      const found = findLibraryOutputs(get().draft)
      if (!found) return
      const mine: Promise<void> = found
        .then((recognise) => set((s) => ({ draft: recognise(s.draft) })))
        // Not recognised, the links stay plain: sent as they are, as before.
        .catch(() => undefined)
        .finally(() => {
          if (recognising === mine) recognising = null
        })
      recognising = mine
    },

    submit: () => {
      if (refreshing) return refreshing
      if (recognising) {
        refreshing = recognising.then(() => {
          refreshing = null
          return get().submit()
        })
        return refreshing
      }
      const stale = refreshInputs(get().draft, Date.now())
      if (stale) {
        refreshing = stale
          .then((fresh) => {
            set((s) => ({ draft: { ...s.draft, ...fresh } }))
            refreshing = null
            return get().submit()
          })
          .catch((e: unknown) => {
            refreshing = null
            set({ failure: { code: 'invalid_input', message: isStudioError(e) ? e.message : 'A picked image could not be refreshed. Pick it again.' } })
            return null
          })
        return refreshing
      }
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
