import { create } from 'zustand'
import type { EventPayload, Product } from '../../../src-preload/contract'
import { errorMessage, invoke } from '../api/client'
import { failedLoad, type LoadState } from '../lib/load-state'

export type UploadProgress = EventPayload<'products.uploadProgress'>

export interface FileUpload {
  fileName: string
  mimeType: string
  dataBase64: string
}

/** A rejected or failed file, shown under the drop zone until dismissed. */
export interface UploadProblem {
  fileName: string
  message: string
}

interface ProductsState {
  items: Product[]
  total: number
  load: LoadState
  error: string | null
  uploads: Record<string, UploadProgress>
  problems: UploadProblem[]
  sending: number

  setItems(items: Product[]): void
  applyUploadProgress(p: UploadProgress): void
  addProblems(problems: UploadProblem[]): void
  clearProblems(): void
  fetch(refresh?: boolean): Promise<void>
  upload(file: FileUpload): Promise<Product | null>
}

export const initialProductsState = {
  items: [] as Product[],
  total: 0,
  load: 'idle' as LoadState,
  error: null,
  uploads: {} as Record<string, UploadProgress>,
  problems: [] as UploadProblem[],
  sending: 0
}

/** Newest first; an updated product replaces its old copy. */
export function mergeProducts(current: Product[], incoming: Product[]): Product[] {
  const byId = new Map(current.map((p) => [p.id, p]))
  for (const p of incoming) byId.set(p.id, p)
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

export const useProductsStore = create<ProductsState>()((set, get) => ({
  ...initialProductsState,

  setItems: (items) => set({ items: mergeProducts([], items), total: items.length, load: 'ready', error: null }),

  applyUploadProgress: (p) =>
    set((s) => {
      const uploads = { ...s.uploads, [p.uploadId]: p }
      // Finished uploads leave the list; failures stay with their message.
      if (p.phase === 'done') delete uploads[p.uploadId]
      return { uploads }
    }),

  addProblems: (problems) => set((s) => ({ problems: [...s.problems, ...problems].slice(-8) })),
  clearProblems: () => set({ problems: [] }),

  fetch: async (refresh = false) => {
    if (get().load === 'idle') set({ load: 'loading' })
    try {
      const out = await invoke('products.list', refresh ? { refresh: true } : {})
      set({ items: mergeProducts([], out.items), total: out.total, load: 'ready', error: null })
    } catch (e) {
      set(failedLoad(e))
    }
  },

  upload: async (file) => {
    set((s) => ({ sending: s.sending + 1 }))
    try {
      const product = await invoke('products.upload', { source: { kind: 'file', ...file } })
      // products.changed may already have brought it in: count it once.
      set((s) => ({
        items: mergeProducts(s.items, [product]),
        total: s.items.some((p) => p.id === product.id) ? s.total : s.total + 1,
        load: 'ready'
      }))
      return product
    } catch (e) {
      // Listed once, as a problem: its 'failed' progress row (same message) goes away.
      set((s) => ({
        uploads: Object.fromEntries(
          Object.entries(s.uploads).filter(([, u]) => !(u.phase === 'failed' && u.fileName === file.fileName))
        )
      }))
      get().addProblems([{ fileName: file.fileName, message: errorMessage(e) }])
      return null
    } finally {
      set((s) => ({ sending: s.sending - 1 }))
    }
  }
}))
