import { describe, expect, it } from 'vitest'
import { justifiedRows, tileAspect } from '../../../src-renderer/src/features/library/justified-rows'

const size = (w: number, h: number) => ({ width: w, height: h })
const rowWidth = (tiles: Array<{ width: number }>, gap: number) => tiles.reduce((sum, t) => sum + t.width, 0) + gap * (tiles.length - 1)

describe('justified rows', () => {
  it('fills each full row to the container width at true aspect ratios', () => {
    const items = [size(1600, 900), size(1000, 1000), size(800, 1000), size(1600, 900), size(1000, 1500), size(900, 1600), size(1024, 1024)]
    const { rows } = justifiedRows(items, { containerWidth: 1000, targetHeight: 200, gap: 8 })
    expect(rows.flatMap((r) => r.tiles.map((t) => t.index))).toEqual(items.map((_, i) => i))
    for (const row of rows.slice(0, -1)) {
      expect(rowWidth(row.tiles, 8)).toBe(1000)
      expect(row.height).toBeLessThanOrEqual(200)
      for (const t of row.tiles.slice(0, -1)) {
        const aspect = tileAspect(items[t.index])
        expect(Math.abs(t.width / row.height - aspect)).toBeLessThan(0.02)
      }
    }
  })

  it('keeps an unfilled last row at the target height, left-aligned', () => {
    const { rows, height } = justifiedRows([size(100, 100), size(100, 100)], { containerWidth: 1000, targetHeight: 180, gap: 10 })
    expect(rows).toEqual([{ top: 0, height: 180, tiles: [{ index: 0, width: 180 }, { index: 1, width: 180 }] }])
    expect(height).toBe(180)
  })

  it('stacks rows with the gap between them and reports the total height', () => {
    const items = Array.from({ length: 20 }, () => size(1000, 1000))
    const { rows, height } = justifiedRows(items, { containerWidth: 620, targetHeight: 200, gap: 10 })
    expect(rows.length).toBeGreaterThan(1)
    for (let i = 1; i < rows.length; i++) expect(rows[i].top).toBe(rows[i - 1].top + rows[i - 1].height + 10)
    expect(height).toBe(rows.at(-1)!.top + rows.at(-1)!.height)
  })

  it('fits more tiles in shorter rows for a smaller target height', () => {
    const items = Array.from({ length: 60 }, (_, i) => size(800 + (i % 5) * 200, 1000))
    const small = justifiedRows(items, { containerWidth: 1200, targetHeight: 120, gap: 8 })
    const large = justifiedRows(items, { containerWidth: 1200, targetHeight: 320, gap: 8 })
    expect(small.rows.length).toBeLessThan(large.rows.length)
    expect(Math.max(...small.rows.map((r) => r.height))).toBeLessThan(Math.min(...large.rows.slice(0, -1).map((r) => r.height)))
  })

  it('treats unknown sizes as squares and clamps extreme panoramas', () => {
    expect(tileAspect(size(0, 0))).toBe(1)
    expect(tileAspect(size(10_000, 100))).toBe(3)
    expect(tileAspect(size(100, 10_000))).toBe(0.4)
    const { rows } = justifiedRows([size(10_000, 100)], { containerWidth: 300, targetHeight: 200, gap: 8 })
    expect(rows[0].tiles[0].width).toBe(300)
    expect(rows[0].height).toBe(100)
  })

  it('lays out nothing for no items', () => {
    expect(justifiedRows([], { containerWidth: 800, targetHeight: 200, gap: 8 })).toEqual({ rows: [], height: 0, fullRows: 0, fullItems: 0 })
  })

  it('extends a layout page by page to exactly what a layout from scratch gives, keeping its full rows', () => {
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const all = Array.from({ length: 1000 }, () => ({ width: Math.round(300 + rand() * 1700), height: Math.round(300 + rand() * 1700) }))
    const opts = { containerWidth: 1180, targetHeight: 200, gap: 8 }
    let layout = justifiedRows(all.slice(0, 0), opts)
    for (let n = 137; n <= all.length; n += 137) {
      const next = justifiedRows(all.slice(0, n), opts, layout)
      expect(next).toEqual(justifiedRows(all.slice(0, n), opts))
      // The full rows of before are the same objects: nothing before the tail was laid out again.
      for (let r = 0; r < layout.fullRows; r++) expect(next.rows[r]).toBe(layout.rows[r])
      layout = next
    }
    expect(justifiedRows(all, opts, layout)).toEqual(justifiedRows(all, opts))
  })
})
