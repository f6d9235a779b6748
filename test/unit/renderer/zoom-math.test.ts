import { describe, expect, it } from 'vitest'
import {
  clampView,
  FIT_VIEW,
  fitScale,
  layout,
  panBy,
  pixelScale,
  toggleZoom,
  wheelFactor,
  zoomAt,
  zoomForScale,
  zoomLabel
} from '../../../src-renderer/src/features/library/viewer/zoom-math'

const image = { width: 2000, height: 1000 }
const pane = { width: 1000, height: 1000 }
const centre = { x: 0, y: 0 }

describe('viewer zoom and pan', () => {
  it('fits the whole image and never enlarges a small one past 100%', () => {
    expect(fitScale(image, pane)).toBe(0.5)
    expect(fitScale({ width: 200, height: 100 }, pane)).toBe(1)
    expect(layout(FIT_VIEW, image, pane)).toEqual({ left: 0, top: 250, width: 1000, height: 500 })
  })

  it('keeps the image point under the pointer where it is while zooming', () => {
    const at = { x: 300, y: 100 } // pane px from the centre
    const before = layout(FIT_VIEW, image, pane)
    const pointOnImage = { u: (500 + at.x - before.left) / before.width, v: (500 + at.y - before.top) / before.height }
    const zoomed = zoomAt(FIT_VIEW, 3, at, image, pane)
    const after = layout(zoomed, image, pane)
    expect(after.left + pointOnImage.u * after.width).toBeCloseTo(500 + at.x, 6)
    expect(after.top + pointOnImage.v * after.height).toBeCloseTo(500 + at.y, 6)
  })

  it('never zooms out past fit nor in past 16 image pixels per screen pixel', () => {
    expect(zoomAt(FIT_VIEW, 0.2, centre, image, pane)).toEqual(FIT_VIEW)
    const max = zoomAt(FIT_VIEW, 1e6, centre, image, pane)
    expect(pixelScale(max, image, pane)).toBeCloseTo(16, 6)
  })

  it('pans only as far as the image covers the pane, and not at all along an axis it does not fill', () => {
    const at100 = { ...FIT_VIEW, zoom: zoomForScale(1, image, pane) } // 2000×1000 drawn in 1000×1000
    const far = panBy(at100, -1e5, -1e5, image, pane)
    expect(far.cx).toBeCloseTo(0.75, 6) // right edge reached: 1000 of 2000 px still shown
    expect(far.cy).toBe(0.5) // 1000 tall in a 1000 pane: nothing to pan
    expect(layout(far, image, pane).left).toBeCloseTo(-1000, 6)
    const nudged = panBy(at100, 100, 0, image, pane)
    expect(layout(nudged, image, pane).left - layout(at100, image, pane).left).toBeCloseTo(100, 6)
  })

  it('re-centres a view that a smaller zoom no longer lets stand', () => {
    expect(clampView({ zoom: 1, cx: 0.9, cy: 0.1 }, image, pane)).toEqual(FIT_VIEW)
  })

  it('double-click toggles fit and 100% (200% for an image that fits at 100%)', () => {
    const actual = toggleZoom(FIT_VIEW, centre, image, pane)
    expect(pixelScale(actual, image, pane)).toBeCloseTo(1, 6)
    expect(toggleZoom(actual, centre, image, pane)).toEqual(FIT_VIEW)
    const small = { width: 400, height: 400 }
    expect(pixelScale(toggleZoom(FIT_VIEW, centre, small, pane), small, pane)).toBeCloseTo(2, 6)
  })

  it('reads a wheel or a pinch as a factor: up zooms in, down zooms out, lines count as 16 px', () => {
    expect(wheelFactor(-100, 0, false)).toBeGreaterThan(1)
    expect(wheelFactor(100, 0, false)).toBeLessThan(1)
    expect(wheelFactor(1, 1, false)).toBeCloseTo(wheelFactor(16, 0, false), 10)
    expect(wheelFactor(-10, 0, true)).toBeGreaterThan(wheelFactor(-10, 0, false))
  })

  it('labels fit with its percentage and a zoomed view with the percentage alone', () => {
    expect(zoomLabel(FIT_VIEW, image, pane)).toBe('Fit · 50%')
    expect(zoomLabel({ ...FIT_VIEW, zoom: 2 }, image, pane)).toBe('100%')
  })
})
