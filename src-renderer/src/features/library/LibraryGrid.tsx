import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'
import type { Asset } from '../../../../src-preload/contract'
import { useScreenScroll } from '../../lib/use-screen-scroll'
import type { AssetCache } from '../../stores/library-cache'
import { AssetTile } from './AssetTile'
import { justifiedRows, type JustifiedLayout } from './justified-rows'

const GAP = 8
const LOADER_HEIGHT = 64
/** Rows past the last one on screen: the next page is asked for this far ahead. */
const PREFETCH_ROWS = 12
const UNKNOWN_SIZE = { width: 1, height: 1 }

/**
 * The library as justified rows, only the rows near the viewport mounted (so only their
 * thumbnails load). Pages are asked for as the end comes near.
 */
export function LibraryGrid({
  ids,
  cache,
  total,
  rowHeight,
  hasMore,
  paging,
  onMore,
  onOpen
}: {
  ids: readonly string[]
  cache: AssetCache
  total: number
  rowHeight: number
  hasMore: boolean
  paging: boolean
  onMore(): void
  onOpen(asset: Asset): void
}) {
  const ref = useRef<HTMLDivElement>(null)
  const scroll = useScreenScroll(ref)
  const laidOut = useRef<{ ids: readonly string[]; width: number; rowHeight: number; layout: JustifiedLayout } | null>(null)
  const layout = useMemo(() => {
    const before = laidOut.current
    // A page appended to the same list at the same size keeps every full row laid out before.
    const grows = before && before.width === scroll.width && before.rowHeight === rowHeight && startsWith(ids, before.ids, before.layout.fullItems)
    const next = justifiedRows(
      ids.map((id) => cache[id] ?? UNKNOWN_SIZE),
      { containerWidth: scroll.width, targetHeight: rowHeight, gap: GAP },
      grows ? before.layout : undefined
    )
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

  const setSize = Math.max(total, ids.length)
  return (
    <>
      <div ref={ref} className="asset-grid" role="list" aria-label="Results" style={{ height: virtualizer.getTotalSize() }}>
        {scroll.width > 0
          ? items.map((item) => {
              const row = rows[item.index]
              return (
                <div key={item.key} role="none" className="asset-row" style={{ transform: `translateY(${item.start - scroll.margin}px)`, height: row.height }}>
                  {row.tiles.map((t) => {
                    const asset = cache[ids[t.index]]
                    return asset ? (
                      <AssetTile key={asset.id} asset={asset} width={t.width} height={row.height} position={t.index + 1} setSize={setSize} onOpen={onOpen} />
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
