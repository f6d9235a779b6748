import { create } from 'zustand'
import type { Asset, MediaKind } from '../../../src-preload/contract'
import { errorMessage, invoke } from '../api/client'
import { failedLoad, type LoadState } from '../lib/load-state'
import { appendPage, chunks, withAssets, withoutIds, type AssetCache } from './library-cache'

export type KindFilter = MediaKind | 'all'

interface LibraryState {
  /** The current view, in order: ids into `cache`. */
  ids: string[]
  total: number
  nextCursor: string | null
  /** A next page is on its way. */
  paging: boolean
  kind: KindFilter
  search: string
  /** Only outputs made with this product (set from the product page), or null. */
  productId: string | null
  load: LoadState
  error: string | null
  /** Every asset the renderer knows, by id: pages, pushed events and queue lookups. */
  cache: AssetCache
  /** Ids asked for once already, or found gone: never fetched again. */
  lookups: Record<string, 'loading' | 'missing' | 'failed'>
  /** An asset to open in the viewer when the Library screen shows next. */
  focus: Asset | null

  setFilter(filter: { kind?: KindFilter; search?: string; productId?: string | null }): void
  added(asset: Asset): void
  replace(assets: Asset[]): void
  drop(ids: string[]): void
  fetch(): Promise<void>
  /** The next page, once at a time; a no-op at the end or while one is loading. */
  more(): Promise<void>
  refreshIds(ids: string[]): Promise<void>
  toggleFavorite(asset: Asset): Promise<string | null>
  /**
   * Makes these assets available in `cache`. Ids not known yet are gathered with those of
   * every other call in the same tick and fetched with one `library.getMany`.
   */
  lookup(ids: string[]): Promise<void>
  setFocus(asset: Asset | null): void
}

export const initialLibraryState = {
  ids: [] as string[],
  total: 0,
  nextCursor: null,
  paging: false,
  kind: 'all' as KindFilter,
  search: '',
  productId: null as string | null,
  load: 'idle' as LoadState,
  error: null,
  cache: {} as AssetCache,
  lookups: {} as Record<string, 'loading' | 'missing' | 'failed'>,
  focus: null as Asset | null
}

/** How many outputs a queue row previews. */
export const MAX_JOB_THUMBS = 4
/** Assets per `library.list` page (the contract's maximum). */
export const PAGE_SIZE = 200
/** The contract's limit on ids per command. */
const MAX_IDS = 500

/** The cached assets of these ids, in order, at most `max`. */
export function cachedAssets(cache: AssetCache, ids: readonly string[], max = MAX_JOB_THUMBS): Asset[] {
  const out: Asset[] = []
  for (const id of ids) {
    const a = cache[id]
    if (a) out.push(a)
    if (out.length === max) break
  }
  return out
}

/** Does a thumbnail need a <video> (no poster frame: the thumb is the MP4 itself)? */
export const isVideoThumb = (asset: Asset): boolean => asset.mimeType.startsWith('video/') && asset.thumbUrl === asset.mediaUrl

/** Does an asset belong in the current view? */
export function matchesFilter(asset: Asset, kind: KindFilter, search: string): boolean {
  if (kind !== 'all' && asset.kind !== kind) return false
  const q = search.trim().toLowerCase()
  if (!q) return true
  return asset.prompt.toLowerCase().includes(q) || asset.tags.some((t) => t.toLowerCase().includes(q))
}

const query = (kind: KindFilter, search: string, cursor?: string, productId?: string | null) => ({
  ...(kind === 'all' ? {} : { kind }),
  ...(productId ? { productId } : {}),
  ...(search.trim() ? { search: search.trim() } : {}),
  ...(cursor ? { cursor } : {}),
  sort: 'newest' as const,
  limit: PAGE_SIZE
})

// Bumped by every new view: a page answering for an older filter is dropped.
let viewToken = 0
// Ids waiting for the next batched lookup, and that batch's promise.
let pendingLookup = new Set<string>()
let pendingBatch: Promise<void> | null = null

export const useLibraryStore = create<LibraryState>()((set, get) => {
  const fetchBatch = async (): Promise<void> => {
    const wanted = [...pendingLookup]
    pendingLookup = new Set()
    pendingBatch = null
    for (const group of chunks(wanted, MAX_IDS)) {
      try {
        const { items } = await invoke('library.getMany', { ids: group })
        const found = new Set(items.map((a) => a.id))
        set((s) => {
          const lookups = { ...s.lookups }
          for (const id of group) {
            if (found.has(id)) delete lookups[id]
            else lookups[id] = 'missing'
          }
          return { cache: withAssets(s.cache, items), lookups }
        })
      } catch {
        set((s) => ({ lookups: { ...s.lookups, ...Object.fromEntries(group.map((id) => [id, 'failed' as const])) } }))
      }
    }
  }

  return {
    ...initialLibraryState,

    setFilter: (filter) => {
      set({ ...filter })
      void get().fetch()
    },

    added: (asset) =>
      set((s) => {
        // New outputs go to the cache too: a job finishing now shows its thumbnails without a fetch.
        const cache = withAssets(s.cache, [asset])
        if (s.ids.includes(asset.id) || !matchesFilter(asset, s.kind, s.search) || (s.productId && !asset.productIds.includes(s.productId))) return { cache }
        return { cache, ids: [asset.id, ...s.ids], total: s.total + 1, load: 'ready' }
      }),

    replace: (assets) => set((s) => ({ cache: withAssets(s.cache, assets, true) })),

    drop: (ids) =>
      set((s) => {
        const gone = new Set(ids)
        const kept = s.ids.filter((id) => !gone.has(id))
        const lookups = { ...s.lookups }
        for (const id of ids) lookups[id] = 'missing'
        return { ids: kept, cache: withoutIds(s.cache, gone), lookups, total: Math.max(0, s.total - (s.ids.length - kept.length)) }
      }),

    fetch: async () => {
      const { kind, search, productId } = get()
      const token = ++viewToken
      set({ paging: false, ...(get().load === 'idle' ? { load: 'loading' as const } : {}) })
      try {
        const out = await invoke('library.list', query(kind, search, undefined, productId))
        if (token !== viewToken) return
        set((s) => ({
          ids: appendPage([], out.items),
          cache: withAssets(s.cache, out.items),
          total: out.total,
          nextCursor: out.nextCursor,
          load: 'ready',
          error: null
        }))
      } catch (e) {
        if (token === viewToken) set(failedLoad(e))
      }
    },

    more: async () => {
      const { kind, search, nextCursor, paging, productId } = get()
      if (!nextCursor || paging) return
      const token = viewToken
      set({ paging: true })
      try {
        const out = await invoke('library.list', query(kind, search, nextCursor, productId))
        if (token !== viewToken) return
        set((s) => ({
          ids: appendPage(s.ids, out.items),
          cache: withAssets(s.cache, out.items),
          nextCursor: out.nextCursor,
          total: out.total,
          paging: false
        }))
      } catch (e) {
        if (token === viewToken) set({ error: errorMessage(e), paging: false })
      }
    },

    refreshIds: async (ids) => {
      const { cache } = get()
      const listed = new Set(get().ids)
      const known = [...new Set(ids)].filter((id) => listed.has(id) || id in cache)
      for (const group of chunks(known, MAX_IDS)) {
        try {
          const { items } = await invoke('library.getMany', { ids: group })
          const found = new Set(items.map((a) => a.id))
          get().replace(items)
          const gone = group.filter((id) => !found.has(id))
          if (gone.length) get().drop(gone)
        } catch {
          // Not fatal: the next page or visit shows the change.
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
    },

    lookup: (ids) => {
      const { cache, lookups } = get()
      const wanted = [...new Set(ids)].filter((id) => !cache[id] && !lookups[id] && !pendingLookup.has(id))
      if (wanted.length) {
        set((s) => ({ lookups: { ...s.lookups, ...Object.fromEntries(wanted.map((id) => [id, 'loading' as const])) } }))
        for (const id of wanted) pendingLookup.add(id)
      }
      if (!pendingLookup.size) return pendingBatch ?? Promise.resolve()
      // A microtask: every row mounted by the same render asks in the same batch.
      pendingBatch ??= Promise.resolve().then(fetchBatch)
      return pendingBatch
    },

    setFocus: (focus) => set({ focus })
  }
})
