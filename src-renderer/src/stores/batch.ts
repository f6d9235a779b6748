import { create } from 'zustand'
import type { BatchInfo } from '../../../src-preload/contract'
import { errorMessage, invoke } from '../api/client'
import { planBatch, type BatchPlan, type BatchSource } from '../features/create/batch-plan'
import { parsePromptCsv, parsePromptLines, type ParsedPrompts, type ProductRef } from '../features/create/batch-prompts'
import { createSubmitActions } from '../features/create/submit-action'
import { useCreateStore, type VariantCount } from './create'
import { useProductsStore } from './products'
import { useQueueStore } from './queue'

/**
 * Batches: the batch form of Create (one prompt × several products, or a list of prompts)
 * and the batches main keeps, for the Queue's progress strips. The rest of every job's
 * parameters come from the Create form (batch-plan.ts).
 */

export interface BatchFile {
  name: string
  parsed: ParsedPrompts
}

interface BatchState {
  open: boolean
  source: BatchSource
  productIds: string[]
  count: VariantCount
  /** Products mode: the prompt for every product (starts as Create's). */
  prompt: string
  /** Prompts mode: pasted, one per line. */
  text: string
  /** Prompts mode: a loaded CSV file; its rows replace the pasted ones. */
  file: BatchFile | null
  name: string
  submitting: boolean
  failure: string | null
  /** Main's batches of this mode, by id. */
  batches: Record<string, BatchInfo>

  openForm(): void
  close(): void
  patch(p: Partial<Pick<BatchState, 'source' | 'count' | 'prompt' | 'text' | 'name'>>): void
  toggleProduct(id: string): void
  loadFile(name: string, text: string, products: readonly ProductRef[]): void
  clearFile(): void
  /** Sends the batch (one action; a repeat answers the batch it made). True once sent. */
  submit(): Promise<boolean>
  fetchBatches(): Promise<void>
  cancelRest(batchId: string): Promise<string | null>
}

const promptsOf = (s: Pick<BatchState, 'text' | 'file'>): ParsedPrompts => s.file?.parsed ?? parsePromptLines(s.text)

/** The whole batch as it would be sent now: requests, problems and the total estimate. */
export function currentPlan(s: Pick<BatchState, 'source' | 'productIds' | 'count' | 'prompt' | 'text' | 'file'>): BatchPlan {
  const draft = useCreateStore.getState().draft
  const prompts = s.source === 'prompts' ? promptsOf(s) : { rows: [], problems: [] }
  const plan = planBatch(draft, { source: s.source, productIds: s.productIds, count: s.count, prompt: s.prompt, rows: prompts.rows })
  return { ...plan, problems: [...prompts.problems, ...plan.problems] }
}

/** The name the batch gets when none is typed: the prompt's first words, or the file's name. */
export function defaultBatchName(s: Pick<BatchState, 'source' | 'prompt' | 'file'>, jobs: number): string {
  if (s.source === 'prompts') return s.file ? s.file.name.replace(/\.[^.]+$/, '') : `${jobs} prompts`
  const line = s.prompt.trim().split(/\r?\n/)[0] ?? ''
  return line.length > 48 ? `${line.slice(0, 47)}…` : line || 'Batch'
}

export const useBatchStore = create<BatchState>()((set, get) => {
  const actions = createSubmitActions({ now: () => Date.now(), newId: () => globalThis.crypto.randomUUID() })

  return {
    open: false,
    source: 'products',
    productIds: [],
    count: 1,
    prompt: '',
    text: '',
    file: null,
    name: '',
    submitting: false,
    failure: null,
    batches: {},

    openForm: () => {
      const { draft } = useCreateStore.getState()
      set({
        open: true,
        failure: null,
        prompt: get().prompt || draft.prompts[draft.kind],
        productIds: get().productIds.length ? get().productIds : draft.productIds,
        count: draft.kind === 'ad' ? draft.adCount : draft.imageCount
      })
    },
    close: () => set({ open: false, failure: null }),
    patch: (p) => set({ ...p, failure: null }),
    toggleProduct: (id) =>
      set((s) => ({ productIds: s.productIds.includes(id) ? s.productIds.filter((p) => p !== id) : [...s.productIds, id], failure: null })),
    loadFile: (name, text, products) => {
      const kind = useCreateStore.getState().draft.kind
      const parsed = /\.csv$/i.test(name) ? parsePromptCsv(text, kind, products) : null
      // A plain text file is a list of prompts, one per line: it fills the box.
      if (!parsed) set({ text: text.replace(/^\uFEFF/, ''), file: null, failure: null })
      else set({ file: { name, parsed }, failure: null })
    },
    clearFile: () => set({ file: null, failure: null }),

    submit: async () => {
      const s = get()
      if (s.submitting) return false
      const plan = currentPlan(s)
      if (plan.problems.length > 0 || plan.missing || plan.requests.length === 0) return false
      const name = s.name.trim() || defaultBatchName(s, plan.requests.length)
      const actionId = actions.press({ name, requests: plan.requests })
      set({ submitting: true, failure: null })
      actions.sent(actionId)
      let ok = false
      try {
        const names = new Map(useProductsStore.getState().items.map((p) => [p.id, p.name.slice(0, 80)]))
        const labels = plan.productOf.map((id) => names.get(id) ?? '')
        const out = await invoke('generation.submitBatch', { name, requests: plan.requests, actionId, ...(labels.length ? { labels } : {}) })
        ok = true
        for (const job of out.jobs) useQueueStore.getState().upsertJob(job)
        set((st) => ({ batches: { ...st.batches, [out.batch.id]: out.batch }, open: false, name: '' }))
        return true
      } catch (e) {
        set({ failure: errorMessage(e) })
        return false
      } finally {
        actions.answered(actionId, ok)
        set({ submitting: false })
      }
    },

    fetchBatches: async () => {
      try {
        const { batches } = await invoke('batch.list', {})
        set({ batches: Object.fromEntries(batches.map((b) => [b.id, b])) })
      } catch {
        // The strips then show without a name until the next visit; the jobs themselves are unaffected.
      }
    },

    cancelRest: async (batchId) => {
      try {
        await invoke('batch.cancelRest', { batchId })
        // The cancelled jobs arrive as queue.job events.
        return null
      } catch (e) {
        return errorMessage(e)
      }
    }
  }
})
