import { create } from 'zustand'
import type { EventPayload, Product } from '../../../src-preload/contract'
import { errorMessage, invoke } from '../api/client'
import { failedLoad, type LoadState } from '../lib/load-state'
import { createImportSlice, initialImportState, type ImportSlice } from './products-import-slice'

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

export type ProductSort = 'newest' | 'name' | 'brand'

interface ProductsState extends ImportSlice {
  /** Shown products (not hidden here), newest first: what every picker lists. */
  items: Product[]
  /** Hidden here (Krev has no delete); the catalogue offers them under "Show hidden". */
  hiddenItems: Product[]
  total: number
  load: LoadState
  error: string | null
  uploads: Record<string, UploadProgress>
  problems: UploadProblem[]
  sending: number

  /** The product page's product, or null. */
  detailId: string | null
  openDetail(id: string | null): void
  setLocal(id: string, patch: { localName?: string | null; hidden?: boolean }): Promise<Product>
  setItems(items: Product[]): void
  applyUploadProgress(p: UploadProgress): void
  addProblems(problems: UploadProblem[]): void
  clearProblems(): void
  fetch(refresh?: boolean): Promise<void>
  upload(file: FileUpload): Promise<Product | null>
}

export const initialProductsState = {
  ...initialImportState,
  items: [] as Product[],
  hiddenItems: [] as Product[],
  detailId: null as string | null,
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

/** The catalogue split into shown and hidden, each newest first. */
export function splitHidden(all: Product[]): Pick<ProductsState, 'items' | 'hiddenItems' | 'total'> {
  const sorted = mergeProducts([], all)
  const items = sorted.filter((p) => !p.hidden)
  return { items, hiddenItems: sorted.filter((p) => p.hidden), total: items.length }
}

export const useProductsStore = create<ProductsState>()((set, get) => ({
  ...initialProductsState,
  ...createImportSlice(set, get),

  openDetail: (id) => set({ detailId: id }),

  setLocal: async (id, patch) => {
    const product = await invoke('products.setLocal', { id, ...patch })
    set((s) => splitHidden([...s.items, ...s.hiddenItems].map((p) => (p.id === product.id ? product : p))))
    return product
  },

  setItems: (items) => set({ ...splitHidden(items), load: 'ready', error: null }),

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
      set({ ...splitHidden(out.items), load: 'ready', error: null })
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
