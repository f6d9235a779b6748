/**
 * The Library's multi-selection: a Set of ids plus the anchor a Shift+click extends from.
 * Every change costs what is selected (or the range asked for), never the whole library:
 * a tile asks `selected.has(id)`, and a click on one of 100k loaded assets copies only the
 * selection. "Select all" selects what is loaded (the list pages in as it scrolls).
 */
export interface LibrarySelection {
  selected: ReadonlySet<string>
  /** Where a range starts: the last item clicked or toggled on its own. */
  anchor: string | null
  /** Only this one (a plain click or arrow move with selection on). */
  selectOnly(id: string): void
  /** In or out, the rest kept (⌘/Ctrl+click). */
  toggleSelected(id: string): void
  /** The anchor to `id`, inclusive, added to the selection (Shift+click). */
  selectRange(id: string): void
  selectAll(): void
  clearSelection(): void
}

interface Host {
  ids: string[]
  selected: ReadonlySet<string>
  anchor: string | null
}

type SetHost = (partial: Partial<Host> | ((s: Host) => Partial<Host>)) => void

export function selectionActions(set: SetHost, get: () => Host): Omit<LibrarySelection, 'selected' | 'anchor'> {
  return {
    selectOnly: (id) => set({ selected: new Set([id]), anchor: id }),
    toggleSelected: (id) =>
      set((s) => {
        const selected = new Set(s.selected)
        if (!selected.delete(id)) selected.add(id)
        return { selected, anchor: id }
      }),
    selectRange: (id) => {
      const { ids, anchor, selected } = get()
      const to = ids.indexOf(id)
      const fromAt = anchor === null ? -1 : ids.indexOf(anchor)
      if (to < 0) return
      const from = fromAt < 0 ? to : fromAt
      const next = new Set(selected)
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) next.add(ids[i]!)
      set({ selected: next, anchor: fromAt < 0 ? id : anchor })
    },
    selectAll: () => set((s) => ({ selected: new Set(s.ids) })),
    clearSelection: () => {
      if (get().selected.size > 0 || get().anchor !== null) set({ selected: new Set<string>(), anchor: null })
    }
  }
}
