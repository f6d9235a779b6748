import { create } from 'zustand'
import type { Asset, MediaKind } from '../../../src-preload/contract'
import { errorMessage, invoke, isStudioError } from '../api/client'
import { failedLoad, type LoadState } from '../lib/load-state'

export type KindFilter = MediaKind | 'all'

interface LibraryState {
  items: Asset[]
  total: number
  nextCursor: string | null
  kind: KindFilter
  search: string
  load: LoadState
  error: string | null

  setFilter(filter: { kind?: KindFilter; search?: string }): void
  added(asset: Asset): void
  replace(assets: Asset[]): void
  drop(ids: string[]): void
  fetch(): Promise<void>
  more(): Promise<void>
  refreshIds(ids: string[]): Promise<void>
  toggleFavorite(asset: Asset): Promise<string | null>
}

export const initialLibraryState = {
  items: [] as Asset[],
  total: 0,
  nextCursor: null,
  kind: 'all' as KindFilter,
  search: '',
  load: 'idle' as LoadState,
  error: null
}

/** Does an asset belong in the current view? */
export function matchesFilter(asset: Asset, kind: KindFilter, search: string): boolean {
  if (kind !== 'all' && asset.kind !== kind) return false
  const q = search.trim().toLowerCase()
  if (!q) return true
  return asset.prompt.toLowerCase().includes(q) || asset.tags.some((t) => t.toLowerCase().includes(q))
}

const query = (kind: KindFilter, search: string, cursor?: string) => ({
  ...(kind === 'all' ? {} : { kind }),
  ...(search.trim() ? { search: search.trim() } : {}),
  ...(cursor ? { cursor } : {}),
  sort: 'newest' as const
})

export const useLibraryStore = create<LibraryState>()((set, get) => ({
  ...initialLibraryState,

  setFilter: (filter) => {
    set({ ...filter })
    void get().fetch()
  },

  added: (asset) =>
    set((s) => {
      if (s.items.some((a) => a.id === asset.id) || !matchesFilter(asset, s.kind, s.search)) return {}
      return { items: [asset, ...s.items], total: s.total + 1, load: 'ready' }
    }),

  replace: (assets) =>
    set((s) => {
      const byId = new Map(assets.map((a) => [a.id, a]))
      return { items: s.items.map((a) => byId.get(a.id) ?? a) }
    }),

  drop: (ids) =>
    set((s) => {
      const gone = new Set(ids)
      const items = s.items.filter((a) => !gone.has(a.id))
      return { items, total: Math.max(0, s.total - (s.items.length - items.length)) }
    }),

  fetch: async () => {
    const { kind, search } = get()
    if (get().load === 'idle') set({ load: 'loading' })
    try {
      const out = await invoke('library.list', query(kind, search))
      set({ items: out.items, total: out.total, nextCursor: out.nextCursor, load: 'ready', error: null })
    } catch (e) {
      set(failedLoad(e))
    }
  },

  more: async () => {
    const { kind, search, nextCursor } = get()
    if (!nextCursor) return
    try {
      const out = await invoke('library.list', query(kind, search, nextCursor))
      set((s) => ({ items: [...s.items, ...out.items], nextCursor: out.nextCursor, total: out.total }))
    } catch (e) {
      set({ error: errorMessage(e) })
    }
  },

  refreshIds: async (ids) => {
    const known = ids.filter((id) => get().items.some((a) => a.id === id))
    for (const id of known) {
      try {
        get().replace([await invoke('library.get', { id })])
      } catch (e) {
        if (isStudioError(e) && e.code === 'not_found') get().drop([id])
      }
    }
  },

  toggleFavorite: async (asset) => {
    try {
      const out = await invoke('library.update', { ids: [asset.id], favorite: !asset.favorite })
      get().replace(out.items)
      return null
    } catch (e) {
      return errorMessage(e)
    }
  }
}))
