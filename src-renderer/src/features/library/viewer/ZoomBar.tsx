import { IconButton } from '../../../components/Button'
import type { Zoom } from './use-zoom'

/** The floating zoom controls on the canvas: −, the readout (click: fit ↔ 100%), +, fit. */
export function ZoomBar({ zoom, label = 'Zoom' }: { zoom: Zoom; label?: string }) {
  const zoomed = zoom.view.zoom > 1.001
  return (
    <div className="zoom-bar" role="toolbar" aria-label={label}>
      <IconButton icon="zoomOut" label="Zoom out (−)" onClick={zoom.zoomOut} disabled={!zoomed} />
      <button
        type="button"
        className="zoom-readout"
        onClick={zoomed ? zoom.fit : zoom.actual}
        aria-label={`${zoom.label}. ${zoomed ? 'Fit to window (0)' : 'Show at 100% (1)'}`}
      >
        {zoom.label}
      </button>
      <IconButton icon="zoomIn" label="Zoom in (+)" onClick={zoom.zoomIn} />
      <span className="zoom-bar-sep" aria-hidden="true" />
      <IconButton icon="fit" label="Fit to window (0)" onClick={zoom.fit} disabled={!zoomed} />
    </div>
  )
}
