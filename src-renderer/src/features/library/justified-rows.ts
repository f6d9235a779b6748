/** What the layout needs of an asset: its pixel size (0 when unknown). */
export interface Sized {
  width: number
  height: number
}

export interface RowTile {
  /** Index into the items laid out. */
  index: number
  width: number
}

export interface JustifiedRow {
  top: number
  height: number
  tiles: RowTile[]
}

export interface JustifiedLayout {
  rows: JustifiedRow[]
  /** Height of every row and the gaps between them. */
  height: number
  /** How many leading rows are full, and the items in them: a longer list keeps those rows as they are. */
  fullRows: number
  fullItems: number
}

export interface LayoutOptions {
  containerWidth: number
  /** The height a row aims for (the thumbnail-size slider); full rows come out at most this tall. */
  targetHeight: number
  gap: number
}

// Panoramas and tall banners would make one tile swallow a row or shrink to a sliver.
const MIN_ASPECT = 0.4
const MAX_ASPECT = 3

/** Width over height, clamped; a square when the size is unknown. */
export function tileAspect(item: Sized): number {
  if (!(item.width > 0) || !(item.height > 0)) return 1
  return Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, item.width / item.height))
}

/**
 * Justified rows, like a photo library: each full row is scaled so its tiles fill the
 * container width exactly at their true aspect ratios. The last row, when it cannot be
 * filled, stays at the target height, left-aligned. Widths are whole pixels and a full
 * row's widths plus gaps add up to the container width (the rounding goes to its last tile).
 *
 * `previous`, a layout of a prefix of `items` with the same options, is extended rather than
 * redone: its full rows cannot change when items are appended, so only the tail is laid out
 * (a page arriving at 100k loaded items costs its own 200, not 100k). Only that tail of
 * `items` is read: the entries before `previous.fullItems` may be left empty.
 */
export function justifiedRows(items: readonly Sized[], opts: LayoutOptions, previous?: JustifiedLayout): JustifiedLayout {
  const width = Math.max(1, Math.floor(opts.containerWidth))
  const target = Math.max(1, opts.targetHeight)
  const gap = Math.max(0, opts.gap)
  const reuse = previous && previous.fullItems <= items.length ? previous : null
  const rows: JustifiedRow[] = reuse ? reuse.rows.slice(0, reuse.fullRows) : []
  const lastKept = rows.at(-1)
  let top = lastKept ? lastKept.top + lastKept.height + gap : 0
  let start = reuse ? reuse.fullItems : 0
  let aspectSum = 0
  let fullRows = rows.length
  let fullItems = start

  const close = (end: number, full: boolean) => {
    const count = end - start
    const free = width - gap * (count - 1)
    const height = full ? free / aspectSum : target
    const tiles: RowTile[] = []
    let used = 0
    for (let i = start; i < end; i++) {
      const last = i === end - 1
      const w = full && last ? free - used : Math.max(1, Math.round(tileAspect(items[i]) * height))
      tiles.push({ index: i, width: Math.min(w, width) })
      used += w
    }
    const h = Math.max(1, Math.round(height))
    rows.push({ top, height: h, tiles })
    top += h + gap
    start = end
    aspectSum = 0
    if (full) {
      fullRows = rows.length
      fullItems = end
    }
  }

  for (let i = start; i < items.length; i++) {
    aspectSum += tileAspect(items[i])
    const count = i - start + 1
    // Full once the tiles at target height would be at least as wide as the container.
    if (aspectSum * target + gap * (count - 1) >= width) close(i + 1, true)
  }
  if (start < items.length) close(items.length, false)
  return { rows, height: rows.length ? top - gap : 0, fullRows, fullItems }
}
