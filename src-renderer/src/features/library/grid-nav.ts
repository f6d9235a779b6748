import type { JustifiedLayout } from './justified-rows'

/**
 * Arrow-key movement in the justified grid: left/right step through the list (wrapping
 * rows, as reading order), up/down go to the row above or below, to the tile whose centre
 * is nearest the current one's (rows have different tile counts). Home/End: the first and
 * last loaded items; PageUp/PageDown jump `pageRows` rows. Answers the new index (or the
 * same one at an edge).
 */
export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown'

export const isNavKey = (key: string): key is NavKey =>
  key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown' || key === 'Home' || key === 'End' || key === 'PageUp' || key === 'PageDown'

/** Which row holds item `index` (binary search: rows are in item order). */
export function rowOf(layout: JustifiedLayout, index: number): number {
  let lo = 0
  let hi = layout.rows.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (layout.rows[mid]!.tiles[0]!.index <= index) lo = mid
    else hi = mid - 1
  }
  return lo
}

function centreIn(layout: JustifiedLayout, row: number, index: number, gap: number): number {
  let x = 0
  for (const t of layout.rows[row]!.tiles) {
    if (t.index === index) return x + t.width / 2
    x += t.width + gap
  }
  return x
}

function nearestIn(layout: JustifiedLayout, row: number, centre: number, gap: number): number {
  let x = 0
  let best = layout.rows[row]!.tiles[0]!.index
  let bestDistance = Infinity
  for (const t of layout.rows[row]!.tiles) {
    const d = Math.abs(x + t.width / 2 - centre)
    if (d < bestDistance) {
      bestDistance = d
      best = t.index
    }
    x += t.width + gap
  }
  return best
}

export function moveFocus(layout: JustifiedLayout, count: number, index: number, key: NavKey, gap: number, pageRows = 3): number {
  if (count === 0 || layout.rows.length === 0) return 0
  const at = Math.min(Math.max(index, 0), count - 1)
  if (key === 'ArrowLeft') return Math.max(0, at - 1)
  if (key === 'ArrowRight') return Math.min(count - 1, at + 1)
  if (key === 'Home') return 0
  if (key === 'End') return count - 1
  const row = rowOf(layout, at)
  const step = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : key === 'PageUp' ? -pageRows : pageRows
  const target = Math.min(layout.rows.length - 1, Math.max(0, row + step))
  if (target === row) return at
  return Math.min(count - 1, nearestIn(layout, target, centreIn(layout, row, at, gap), gap))
}
