import { describe, expect, it } from 'vitest'
import { moveFocus, rowOf } from '../../../src-renderer/src/features/library/grid-nav'
import { justifiedRows } from '../../../src-renderer/src/features/library/justified-rows'

/** Keyboard movement in the justified grid: reading order sideways, nearest tile up and down. */

// 820 px wide, 200 px rows: four squares fill a row; a wide one (3:1) takes the room of three.
const sizes = [
  ...Array.from({ length: 4 }, () => ({ width: 1, height: 1 })), // row 0: 0–3
  { width: 3, height: 1 }, { width: 1, height: 1 }, { width: 1, height: 1 }, // row 1: 4 (wide), 5, 6
  ...Array.from({ length: 4 }, () => ({ width: 1, height: 1 })), // row 2: 7–10
  { width: 1, height: 1 } // row 3 (last, not full): 11
]
const layout = justifiedRows(sizes, { containerWidth: 820, targetHeight: 200, gap: 8 })
const move = (i: number, key: Parameters<typeof moveFocus>[3]) => moveFocus(layout, sizes.length, i, key, 8)

describe('grid keyboard movement', () => {
  it('lays out the rows this test assumes', () => {
    expect(layout.rows.map((r) => r.tiles.map((t) => t.index))).toEqual([[0, 1, 2, 3], [4, 5, 6], [7, 8, 9, 10], [11]])
    expect(rowOf(layout, 6)).toBe(1)
    expect(rowOf(layout, 11)).toBe(3)
  })

  it('left and right follow reading order across rows and stop at the ends', () => {
    expect(move(3, 'ArrowRight')).toBe(4)
    expect(move(4, 'ArrowLeft')).toBe(3)
    expect(move(0, 'ArrowLeft')).toBe(0)
    expect(move(11, 'ArrowRight')).toBe(11)
  })

  it('up and down land on the nearest tile of the next row, not the same position', () => {
    // 1 and 2 sit above the wide tile 4 (it spans ~0–600 px).
    expect(move(1, 'ArrowDown')).toBe(4)
    expect(move(3, 'ArrowDown')).toBe(6)
    expect(move(6, 'ArrowUp')).toBe(3)
    expect(move(4, 'ArrowDown')).toBe(8)
    expect(move(10, 'ArrowDown')).toBe(11)
    expect(move(0, 'ArrowUp')).toBe(0)
    expect(move(11, 'ArrowDown')).toBe(11)
  })

  it('Home, End and pages', () => {
    expect(move(6, 'Home')).toBe(0)
    expect(move(6, 'End')).toBe(11)
    expect(move(0, 'PageDown')).toBe(11)
    expect(move(11, 'PageUp')).toBe(0)
  })
})
