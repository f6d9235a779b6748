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
 */
export function justifiedRows(items: readonly Sized[], opts: LayoutOptions): JustifiedLayout {
  const width = Math.max(1, Math.floor(opts.containerWidth))
  const target = Math.max(1, opts.targetHeight)
  const gap = Math.max(0, opts.gap)
  const rows: JustifiedRow[] = []
  let top = 0
  let start = 0
  let aspectSum = 0

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
  }

  for (let i = 0; i < items.length; i++) {
    aspectSum += tileAspect(items[i])
    const count = i - start + 1
    // Full once the tiles at target height would be at least as wide as the container.
    if (aspectSum * target + gap * (count - 1) >= width) close(i + 1, true)
  }
  if (start < items.length) close(items.length, false)
  return { rows, height: rows.length ? top - gap : 0 }
}
