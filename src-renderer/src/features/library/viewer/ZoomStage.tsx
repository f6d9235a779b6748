import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react'
import type { Measure, ViewUpdate } from './use-zoom'
import { layout, panBy, toggleZoom, wheelFactor, zoomAt, type Size, type View } from './zoom-math'

interface ZoomStageProps {
  src: string
  alt: string
  /** The original's pixel size (the asset's): 100% means one of these per screen pixel. */
  natural: Size
  view: View
  onView: ViewUpdate
  onMeasure?(m: Measure): void
  className?: string
}

/**
 * An image on the dark canvas that zooms and pans: the wheel (and a trackpad pinch, which
 * arrives as ctrl+wheel) zooms towards the pointer, a drag pans once zoomed, two fingers
 * pinch, a double-click toggles fit and 100%. The view is the caller's, so Compare can
 * drive several stages with one.
 */
export function ZoomStage({ src, alt, natural, view, onView, onMeasure, className }: ZoomStageProps) {
  const paneRef = useRef<HTMLDivElement>(null)
  const [pane, setPane] = useState<Size | null>(null)
  const pointers = useRef(new Map<number, { x: number; y: number }>())
  const pinch = useRef<number | null>(null)
  // The latest sizes for the listeners attached once.
  const sizes = useRef({ natural, pane })
  sizes.current = { natural, pane }

  useEffect(() => {
    const el = paneRef.current
    if (!el) return
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return
      setPane({ width: entry.contentRect.width, height: entry.contentRect.height })
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (pane && pane.width > 0 && pane.height > 0) onMeasure?.({ image: natural, pane })
  }, [pane, natural, onMeasure])

  const fromCentre = (clientX: number, clientY: number) => {
    const r = paneRef.current!.getBoundingClientRect()
    return { x: clientX - r.left - r.width / 2, y: clientY - r.top - r.height / 2 }
  }

  // Not a React onWheel: it must be non-passive to keep the page from scrolling.
  useEffect(() => {
    const el = paneRef.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      const { natural: image, pane: box } = sizes.current
      if (!box) return
      e.preventDefault()
      const factor = wheelFactor(e.deltaY, e.deltaMode, e.ctrlKey)
      const at = fromCentre(e.clientX, e.clientY)
      onView((v) => zoomAt(v, factor, at, image, box))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [onView])

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    e.currentTarget.setPointerCapture(e.pointerId)
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY })
    pinch.current = null
  }
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const last = pointers.current.get(e.pointerId)
    if (!last || !pane) return
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY })
    const points = [...pointers.current.values()]
    if (points.length === 2) {
      const [a, b] = points as [{ x: number; y: number }, { x: number; y: number }]
      const distance = Math.hypot(a.x - b.x, a.y - b.y)
      const before = pinch.current
      pinch.current = distance
      if (before && distance > 0) {
        const at = fromCentre((a.x + b.x) / 2, (a.y + b.y) / 2)
        onView((v) => zoomAt(v, distance / before, at, natural, pane))
      }
      return
    }
    const dx = e.clientX - last.x
    const dy = e.clientY - last.y
    if (dx !== 0 || dy !== 0) onView((v) => panBy(v, dx, dy, natural, pane))
  }
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    pointers.current.delete(e.pointerId)
    pinch.current = null
  }

  const box = pane && layout(view, natural, pane)
  const zoomed = view.zoom > 1.001
  return (
    <div
      ref={paneRef}
      className={['zoom-stage', zoomed ? 'is-zoomed' : '', className].filter(Boolean).join(' ')}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={(e) => {
        if (!pane) return
        const at = fromCentre(e.clientX, e.clientY)
        onView((v) => toggleZoom(v, at, natural, pane))
      }}
    >
      {box ? (
        <img
          src={src}
          alt={alt}
          draggable={false}
          className="zoom-image"
          style={{ width: box.width, height: box.height, transform: `translate(${box.left}px, ${box.top}px)` }}
        />
      ) : null}
    </div>
  )
}
