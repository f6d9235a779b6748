import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { Asset } from '../../../../src-preload/contract'
import { useScreenScroll } from '../../lib/use-screen-scroll'
import type { AssetCache } from '../../stores/library-cache'
import { useLibraryStore } from '../../stores/library'
import { AssetTile } from './AssetTile'
import { isNavKey, moveFocus, rowOf } from './grid-nav'
import { justifiedRows, type JustifiedLayout, type Sized } from './justified-rows'
import { reviewKey } from './review-keys'
import type { ReviewCommand } from './use-review-commands'

const GAP = 8
const LOADER_HEIGHT = 64
/** Rows past the last one on screen: the next page is asked for this far ahead. */
const PREFETCH_ROWS = 12
const UNKNOWN_SIZE = { width: 1, height: 1 }
/** Frames to wait for a tile scrolled to before focusing it (the virtual rows mount a frame later). */
const FOCUS_FRAMES = 10

/**
 * The library as justified rows, only the rows near the viewport mounted (so only their
 * thumbnails load). Pages are asked for as the end comes near. Keyboard review lives here:
 * one tile is in the tab order and the arrows move it (up/down by row, to the nearest tile),
 * Shift extends the selection, the review keys (review-keys.ts) act on the selection when
 * the focused tile is in it and on the focused tile alone otherwise.
 */
export function LibraryGrid({
  ids,
  cache,
  total,
  rowHeight,
  hasMore,
  paging,
  terms,
  onMore,
  onOpen,
  onCommand
}: {
  ids: readonly string[]
  cache: AssetCache
  total: number
  rowHeight: number
  hasMore: boolean
  paging: boolean
  terms: readonly string[]
  onMore(): void
  onOpen(id: string): void
  onCommand(command: ReviewCommand, ids: string[]): void
}) {
  const ref = useRef<HTMLDivElement>(null)
  const scroll = useScreenScroll(ref)
  const laidOut = useRef<{ ids: readonly string[]; width: number; rowHeight: number; layout: JustifiedLayout } | null>(null)
  const layout = useMemo(() => {
    const before = laidOut.current
    // A page appended to the same list at the same size keeps every full row laid out before.
    const grows = before && before.width === scroll.width && before.rowHeight === rowHeight && startsWith(ids, before.ids, before.layout.fullItems)
    // Only the items past the kept rows are read: sizing all of them is O(loaded) per page.
    const from = grows ? before.layout.fullItems : 0
    const sized = new Array<Sized>(ids.length)
    for (let i = from; i < ids.length; i++) sized[i] = cache[ids[i]] ?? UNKNOWN_SIZE
    const next = justifiedRows(sized, { containerWidth: scroll.width, targetHeight: rowHeight, gap: GAP }, grows ? before.layout : undefined)
    laidOut.current = { ids, width: scroll.width, rowHeight, layout: next }
    return next
    // Sizes only: pages and pushed assets reach `cache` with their ids; a favourite toggled keeps the layout.
  }, [ids, scroll.width, rowHeight])
  const rows = layout.rows
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroll.element,
    estimateSize: (i) => rows[i].height + GAP,
    overscan: 2,
    scrollMargin: scroll.margin
  })
  useEffect(() => virtualizer.measure(), [virtualizer, layout])

  const items = virtualizer.getVirtualItems()
  const last = items.at(-1)?.index ?? -1
  useEffect(() => {
    if (hasMore && !paging && scroll.width > 0 && last >= rows.length - PREFETCH_ROWS) onMore()
  }, [hasMore, paging, last, rows.length, scroll.width, onMore])

  // The roving tab stop, by position: an item leaving the list (approved while reviewing
  // "unreviewed") hands focus to the one that takes its place.
  const [focusIndex, setFocusIndex] = useState(0)
  const focusAt = Math.min(focusIndex, Math.max(0, ids.length - 1))
  const keyboard = useRef(false)
  const focusTile = useCallback(
    (index: number) => {
      keyboard.current = true
      setFocusIndex(index)
      if (rows.length) virtualizer.scrollToIndex(rowOf(layout, index), { align: 'auto' })
      let frames = 0
      const tryFocus = () => {
        const el = ref.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)
        if (el) el.focus({ preventScroll: true })
        else if (++frames < FOCUS_FRAMES) requestAnimationFrame(tryFocus)
      }
      requestAnimationFrame(tryFocus)
    },
    [layout, rows.length, virtualizer]
  )
  // The focused tile was removed (edited out of the view, trashed): its successor takes focus.
  useEffect(() => {
    if (!keyboard.current || ids.length === 0) return
    if (document.activeElement === document.body || document.activeElement === null) focusTile(focusAt)
  }, [ids, focusAt, focusTile])

  const targets = (index: number): string[] => {
    const id = ids[index]
    if (id === undefined) return []
    const { selected } = useLibraryStore.getState()
    return selected.has(id) ? [...selected] : [id]
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof HTMLElement) || e.target.dataset['index'] === undefined || ids.length === 0) return
    const at = Number(e.target.dataset['index'])
    const store = useLibraryStore.getState()
    if (isNavKey(e.key) && !e.altKey && !e.metaKey && !e.ctrlKey) {
      e.preventDefault()
      const next = moveFocus(layout, ids.length, at, e.key, GAP)
      if (e.shiftKey) {
        if (store.anchor === null) store.selectOnly(ids[at]!)
        store.selectRange(ids[next]!)
      }
      focusTile(next)
      return
    }
    const action = reviewKey(e)
    if (!action) return
    e.preventDefault()
    e.stopPropagation()
    // Reviewing by keyboard: a tile this removes hands focus to the next (the effect above).
    keyboard.current = true
    if (action.type === 'open') onOpen(ids[at]!)
    else if (action.type === 'selectAll') store.selectAll()
    else if (action.type === 'clearSelection') store.clearSelection()
    else if (action.type === 'toggleSelect') store.toggleSelected(ids[at]!)
    else onCommand(action.command, targets(at))
  }

  const onActivate = useCallback(
    (e: MouseEvent, index: number, asset: Asset) => {
      const store = useLibraryStore.getState()
      keyboard.current = false
      setFocusIndex(index)
      const onCheck = e.target instanceof Element && e.target.closest('[data-check]') !== null
      if (e.shiftKey) store.selectRange(asset.id)
      else if (e.metaKey || e.ctrlKey || onCheck) store.toggleSelected(asset.id)
      else {
        useLibraryStore.setState({ anchor: asset.id })
        onOpen(asset.id)
      }
    },
    [onOpen]
  )

  const setSize = Math.max(total, ids.length)
  return (
    <>
      <div
        ref={ref}
        className="asset-grid"
        role="list"
        aria-label="Results"
        aria-describedby="library-keys"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {scroll.width > 0
          ? items.map((item) => {
              const row = rows[item.index]
              return (
                <div key={item.key} role="none" className="asset-row" style={{ transform: `translateY(${item.start - scroll.margin}px)`, height: row.height }}>
                  {row.tiles.map((t) => {
                    const asset = cache[ids[t.index]]
                    return asset ? (
                      <AssetTile
                        key={asset.id}
                        asset={asset}
                        width={t.width}
                        height={row.height}
                        index={t.index}
                        setSize={setSize}
                        focused={t.index === focusAt}
                        terms={terms}
                        onActivate={onActivate}
                      />
                    ) : null
                  })}
                </div>
              )
            })
          : null}
      </div>
      {hasMore ? (
        <p className="asset-loading" role="status" style={{ minHeight: LOADER_HEIGHT }}>
          {paging ? 'Loading more…' : ''}
        </p>
      ) : null}
    </>
  )
}

/** Whether `list` begins with the first `count` ids of `prefix` (the same items, in the same order). */
function startsWith(list: readonly string[], prefix: readonly string[], count: number): boolean {
  if (list.length < count || prefix.length < count) return false
  for (let i = 0; i < count; i++) if (list[i] !== prefix[i]) return false
  return true
}
