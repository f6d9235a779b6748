import { useCallback, useEffect, useMemo, useState } from 'react'
import { clampView, FIT_VIEW, zoomAt, zoomForScale, zoomLabel, ZOOM_STEP, type Size, type View } from './zoom-math'

export interface Measure {
  image: Size
  pane: Size
}

export type ViewUpdate = (update: (view: View) => View) => void

export interface Zoom {
  view: View
  update: ViewUpdate
  /** The pane the toolbar acts on (the viewer's only pane, Compare's first). */
  measure: Measure | null
  setMeasure(m: Measure): void
  zoomIn(): void
  zoomOut(): void
  fit(): void
  actual(): void
  label: string
}

const same = (a: Measure | null, b: Measure) =>
  a !== null && a.image.width === b.image.width && a.image.height === b.image.height && a.pane.width === b.pane.width && a.pane.height === b.pane.height

/**
 * One zoom/pan view and the toolbar's actions on it. `resetKey` changes with the output
 * shown: the next one opens at fit. Compare passes one of these to every pane (synced).
 */
export function useZoom(resetKey: string): Zoom {
  const [view, setView] = useState<View>(FIT_VIEW)
  const [measure, setMeasureState] = useState<Measure | null>(null)
  useEffect(() => setView(FIT_VIEW), [resetKey])
  const setMeasure = useCallback((m: Measure) => setMeasureState((prev) => (same(prev, m) ? prev : m)), [])
  // A resized pane keeps the view inside what it may show.
  useEffect(() => {
    if (measure) setView((v) => clampView(v, measure.image, measure.pane))
  }, [measure])

  return useMemo(() => {
    const onPane = (fn: (v: View, m: Measure) => View) => () => setView((v) => (measure ? fn(v, measure) : v))
    const centre = { x: 0, y: 0 }
    return {
      view,
      update: setView,
      measure,
      setMeasure,
      zoomIn: onPane((v, m) => zoomAt(v, ZOOM_STEP, centre, m.image, m.pane)),
      zoomOut: onPane((v, m) => zoomAt(v, 1 / ZOOM_STEP, centre, m.image, m.pane)),
      fit: () => setView(FIT_VIEW),
      actual: onPane((v, m) => clampView({ ...v, zoom: zoomForScale(1, m.image, m.pane) }, m.image, m.pane)),
      label: measure ? zoomLabel(view, measure.image, measure.pane) : 'Fit'
    }
  }, [view, measure, setMeasure])
}

/** The viewer's zoom keys: + / − step, 0 fits, 1 shows 100%. True when the key was one of them. */
export function zoomKey(key: string, zoom: Zoom): boolean {
  if (key === '+' || key === '=') zoom.zoomIn()
  else if (key === '-' || key === '_') zoom.zoomOut()
  else if (key === '0') zoom.fit()
  else if (key === '1') zoom.actual()
  else return false
  return true
}
