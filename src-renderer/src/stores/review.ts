import { create } from 'zustand'

/**
 * MINIMAL STUB owned by library-viewer (issue 12): the viewer and compare state, with the
 * agreed API — `openViewer(id, ids?)` (ids: the list the viewer steps through),
 * `openCompare(ids)` (2–4) and `close()`. The Library grid calls it; LibraryScreen shows
 * the existing AssetViewer for `viewer`. library-viewer's store replaces this file whole.
 */
interface ReviewState {
  viewer: { id: string; ids: readonly string[] } | null
  compare: readonly string[] | null
  openViewer(id: string, ids?: readonly string[]): void
  openCompare(ids: readonly string[]): void
  close(): void
}

export const useReview = create<ReviewState>()((set) => ({
  viewer: null,
  compare: null,
  openViewer: (id, ids) => set({ viewer: { id, ids: ids ?? [id] }, compare: null }),
  openCompare: (ids) => set({ compare: ids.slice(0, 4), viewer: null }),
  close: () => set({ viewer: null, compare: null })
}))
