import { create } from 'zustand'
import { useLibraryStore } from './library'

/** Compare shows 2 to 4 outputs side by side. */
export const MIN_COMPARE = 2
export const MAX_COMPARE = 4

export type ReviewMode = 'closed' | 'viewer' | 'compare'

interface ReviewState {
  mode: ReviewMode
  /** Viewer: the list it steps through. Compare: the outputs side by side. */
  ids: string[]
  /** The viewer's position in `ids`. */
  index: number
  /** Outputs set aside in the viewer ("Add to compare"), in the order picked. */
  picked: string[]

  /** Opens the viewer on `id`, stepping through `ids` (default: the Library's loaded list). */
  openViewer(id: string, ids?: readonly string[]): void
  /** Opens Compare on 2–4 distinct ids; false (and nothing changes) otherwise. */
  openCompare(ids: readonly string[]): boolean
  /** Previous (-1) / next (+1) in the viewer; stops at either end. */
  step(delta: number): void
  /** Adds or removes an output from the compare pick (at most MAX_COMPARE). */
  togglePick(id: string): void
  /** The viewer's list without these ids (deleted): the position stays on the next one. */
  forget(ids: readonly string[]): void
  close(): void
}

export const initialReviewState = { mode: 'closed' as ReviewMode, ids: [] as string[], index: 0, picked: [] as string[] }

const unique = (ids: readonly string[]): string[] => [...new Set(ids)]

export const useReviewStore = create<ReviewState>()((set, get) => ({
  ...initialReviewState,

  openViewer: (id, ids) => {
    const list = unique(ids ?? useLibraryStore.getState().ids)
    const at = list.indexOf(id)
    // An output outside the list (a queue thumbnail, a filtered-out result) is viewed alone.
    set(at === -1 ? { mode: 'viewer', ids: [id], index: 0 } : { mode: 'viewer', ids: list, index: at })
  },

  openCompare: (ids) => {
    const list = unique(ids)
    if (list.length < MIN_COMPARE || list.length > MAX_COMPARE) return false
    // The pick has done its job: the next compare starts from nothing picked.
    set({ mode: 'compare', ids: list, index: 0, picked: [] })
    return true
  },

  step: (delta) => {
    const { mode, ids, index } = get()
    if (mode !== 'viewer') return
    const next = Math.min(ids.length - 1, Math.max(0, index + delta))
    if (next !== index) set({ index: next })
  },

  togglePick: (id) =>
    set((s) => {
      if (s.picked.includes(id)) return { picked: s.picked.filter((p) => p !== id) }
      return s.picked.length >= MAX_COMPARE ? {} : { picked: [...s.picked, id] }
    }),

  forget: (gone) =>
    set((s) => {
      const drop = new Set(gone)
      const picked = s.picked.filter((id) => !drop.has(id))
      if (s.mode !== 'viewer') return { picked }
      const current = s.ids[s.index]
      const ids = s.ids.filter((id) => !drop.has(id))
      if (ids.length === 0) return { ...initialReviewState }
      // Ids before the current one that went shift it left; if it went itself, the next takes its place.
      const before = s.ids.slice(0, s.index).filter((id) => !drop.has(id)).length
      const index = current !== undefined && !drop.has(current) ? before : Math.min(before, ids.length - 1)
      return { ids, index, picked }
    }),

  close: () => set({ mode: 'closed', ids: [], index: 0 })
}))

/** The id the viewer shows, or null when it is closed. */
export const viewerId = (s: Pick<ReviewState, 'mode' | 'ids' | 'index'>): string | null =>
  s.mode === 'viewer' ? (s.ids[s.index] ?? null) : null
