import { describe, expect, it } from 'vitest'
import { DEFAULT_BOUNDS, fitBounds } from '../../../src-main/window/window-state'

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]

describe('window bounds', () => {
  it('restores bounds that are on a present display', () => {
    expect(fitBounds({ x: 100, y: 80, width: 1400, height: 900 }, screen)).toEqual({
      x: 100, y: 80, width: 1400, height: 900, maximized: false
    })
  })
  it('drops the position when its display is gone, keeping the size', () => {
    expect(fitBounds({ x: 3000, y: 80, width: 1400, height: 900 }, screen)).toEqual({ width: 1400, height: 900, maximized: false })
  })
  it('uses defaults for missing or garbage state', () => {
    expect(fitBounds(null, screen)).toEqual(DEFAULT_BOUNDS)
    expect(fitBounds({ width: Number.NaN, height: 5 }, screen)).toEqual(DEFAULT_BOUNDS)
  })
  it('enforces a minimum size and remembers maximized', () => {
    expect(fitBounds({ width: 10, height: 10, maximized: true }, screen)).toEqual({ width: 900, height: 600, maximized: true })
  })
})
