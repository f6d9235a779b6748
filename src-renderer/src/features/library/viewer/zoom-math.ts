/**
 * The zoom/pan model of the viewer and of Compare. A view is independent of any pane's
 * size: `zoom` multiplies the pane's own "fit" scale (1 = fit), and (cx, cy) is the point
 * of the image, in 0–1 image coordinates, shown at the pane's centre. Compare shares one
 * view across panes of different sizes and they stay in step.
 */

export interface Size {
  width: number
  height: number
}

export interface View {
  /** Multiplier on the fit scale: 1 shows the whole image. */
  zoom: number
  cx: number
  cy: number
}

export const FIT_VIEW: View = { zoom: 1, cx: 0.5, cy: 0.5 }
/** Never smaller than fit (nothing to see there), never past 16× the original pixels. */
export const MIN_ZOOM = 1
export const MAX_PIXEL_SCALE = 16
/** One +/− press. */
export const ZOOM_STEP = 1.25

/** The scale that shows the whole image in the pane, never above 100% (small images stay sharp). */
export function fitScale(image: Size, pane: Size): number {
  if (image.width <= 0 || image.height <= 0 || pane.width <= 0 || pane.height <= 0) return 1
  return Math.min(pane.width / image.width, pane.height / image.height, 1)
}

/** Image pixels per screen pixel for this view in this pane. */
export function pixelScale(view: View, image: Size, pane: Size): number {
  return fitScale(image, pane) * view.zoom
}

/** The zoom that shows the image at `scale` (1 = 100%, one image pixel per screen pixel). */
export function zoomForScale(scale: number, image: Size, pane: Size): number {
  return scale / fitScale(image, pane)
}

function clampZoom(zoom: number, image: Size, pane: Size): number {
  const max = Math.max(MIN_ZOOM, zoomForScale(MAX_PIXEL_SCALE, image, pane))
  return Math.min(max, Math.max(MIN_ZOOM, zoom))
}

/** Keeps the centre where the image still covers the pane; centred on an axis the image doesn't fill. */
export function clampView(view: View, image: Size, pane: Size): View {
  const zoom = clampZoom(view.zoom, image, pane)
  const s = fitScale(image, pane) * zoom
  const axis = (c: number, imageLen: number, paneLen: number): number => {
    const shown = imageLen * s
    if (shown <= paneLen) return 0.5
    const half = paneLen / (2 * shown)
    return Math.min(1 - half, Math.max(half, c))
  }
  return { zoom, cx: axis(view.cx, image.width, pane.width), cy: axis(view.cy, image.height, pane.height) }
}

/**
 * Zooms by `factor` keeping the image point under `at` (screen px from the pane's centre)
 * where it is: the wheel, the pinch and the double-click zoom towards the pointer.
 */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }, image: Size, pane: Size): View {
  const fit = fitScale(image, pane)
  const zoom = clampZoom(view.zoom * factor, image, pane)
  const before = fit * view.zoom
  const after = fit * zoom
  const next = {
    zoom,
    cx: view.cx + (at.x / image.width) * (1 / before - 1 / after),
    cy: view.cy + (at.y / image.height) * (1 / before - 1 / after)
  }
  return clampView(next, image, pane)
}

/** Drags the image by (dx, dy) screen pixels. */
export function panBy(view: View, dx: number, dy: number, image: Size, pane: Size): View {
  const s = pixelScale(view, image, pane)
  return clampView({ zoom: view.zoom, cx: view.cx - dx / (image.width * s), cy: view.cy - dy / (image.height * s) }, image, pane)
}

/** Fit ↔ 100% (a small image that fits at 100% goes to 200%). */
export function toggleZoom(view: View, at: { x: number; y: number }, image: Size, pane: Size): View {
  if (view.zoom > 1.001) return FIT_VIEW
  const actual = zoomForScale(1, image, pane)
  const target = actual > 1.001 ? actual : zoomForScale(2, image, pane)
  return zoomAt(view, target / view.zoom, at, image, pane)
}

/** A wheel (or a trackpad pinch, which Chromium sends as a ctrl+wheel) as a zoom factor. */
export function wheelFactor(deltaY: number, deltaMode: number, pinch: boolean): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY
  return Math.exp(-px * (pinch ? 0.01 : 0.002))
}

/** Where the image's top-left corner goes and how large it is drawn, in pane pixels. */
export function layout(view: View, image: Size, pane: Size): { left: number; top: number; width: number; height: number } {
  const s = pixelScale(view, image, pane)
  const width = image.width * s
  const height = image.height * s
  return { left: pane.width / 2 - view.cx * width, top: pane.height / 2 - view.cy * height, width, height }
}

/** "Fit" or the percentage of original pixels, as the zoom readout shows it. */
export function zoomLabel(view: View, image: Size, pane: Size): string {
  const pct = Math.round(pixelScale(view, image, pane) * 100)
  return view.zoom <= 1.001 ? `Fit · ${pct}%` : `${pct}%`
}
