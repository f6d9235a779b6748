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
  /** Assets looked up by id (queue thumbnails), whatever the current view shows. */
  cache: Record<string, Asset>
  /** Ids asked for once already, or found gone: never fetched again. */
  lookups: Record<string, 'loading' | 'missing' | 'failed'>
  /** An asset to open in the viewer when the Library screen shows next. */
  focus: Asset | null

  setFilter(filter: { kind?: KindFilter; search?: string }): void
  added(asset: Asset): void
  replace(assets: Asset[]): void
  drop(ids: string[]): void
  fetch(): Promise<void>
  more(): Promise<void>
  refreshIds(ids: string[]): Promise<void>
  toggleFavorite(asset: Asset): Promise<string | null>
  /** Fetches each id not cached or asked for yet, with `library.get`, one at a time. */
  lookup(ids: string[]): Promise<void>
  setFocus(asset: Asset | null): void
}

export const initialLibraryState = {
  items: [] as Asset[],
  total: 0,
  nextCursor: null,
  kind: 'all' as KindFilter,
  search: '',
  load: 'idle' as LoadState,
  error: null,
  cache: {} as Record<string, Asset>,
  lookups: {} as Record<string, 'loading' | 'missing' | 'failed'>,
  focus: null as Asset | null
}

/** How many outputs a queue row previews. */
export const MAX_JOB_THUMBS = 4

/** The cached assets of these ids, in order, at most `max`. */
export function cachedAssets(cache: Record<string, Asset>, ids: readonly string[], max = MAX_JOB_THUMBS): Asset[] {
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

function withCached(cache: Record<string, Asset>, assets: Asset[], onlyKnown = false): Record<string, Asset> {
  const next = { ...cache }
  for (const a of assets) if (!onlyKnown || next[a.id]) next[a.id] = a
  return next
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
      // New outputs go to the cache too: a job finishing now shows its thumbnails without a fetch.
      const cache = withCached(s.cache, [asset])
      if (s.items.some((a) => a.id === asset.id) || !matchesFilter(asset, s.kind, s.search)) return { cache }
      return { cache, items: [asset, ...s.items], total: s.total + 1, load: 'ready' }
    }),

  replace: (assets) =>
    set((s) => {
      const byId = new Map(assets.map((a) => [a.id, a]))
      return { items: s.items.map((a) => byId.get(a.id) ?? a), cache: withCached(s.cache, assets, true) }
    }),

  drop: (ids) =>
    set((s) => {
      const gone = new Set(ids)
      const items = s.items.filter((a) => !gone.has(a.id))
      const cache = Object.fromEntries(Object.entries(s.cache).filter(([id]) => !gone.has(id)))
      const lookups = { ...s.lookups }
      for (const id of ids) lookups[id] = 'missing'
      return { items, cache, lookups, total: Math.max(0, s.total - (s.items.length - items.length)) }
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
    const known = ids.filter((id) => get().items.some((a) => a.id === id) || id in get().cache)
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
  },

  lookup: async (ids) => {
    const { cache, lookups, items } = get()
    const listed = new Map(items.map((a) => [a.id, a]))
    const fromList = ids.flatMap((id) => (!cache[id] && listed.has(id) ? [listed.get(id) as Asset] : []))
    if (fromList.length) set((s) => ({ cache: withCached(s.cache, fromList) }))
    const wanted = [...new Set(ids)].filter((id) => !cache[id] && !listed.has(id) && !lookups[id])
    if (!wanted.length) return
    set((s) => ({ lookups: { ...s.lookups, ...Object.fromEntries(wanted.map((id) => [id, 'loading' as const])) } }))
    for (const id of wanted) {
      try {
        const asset = await invoke('library.get', { id })
        set((s) => {
          const lookups = { ...s.lookups }
          delete lookups[id]
          return { cache: withCached(s.cache, [asset]), lookups }
        })
      } catch (e) {
        const gone = isStudioError(e) && e.code === 'not_found'
        set((s) => ({ lookups: { ...s.lookups, [id]: gone ? 'missing' : 'failed' } }))
      }
    }
  },

  setFocus: (focus) => set({ focus })
}))
