import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { IconButton } from '../../components/Button'
import { Modal, ModalClose } from '../../components/Modal'
import { Spinner } from '../../components/Spinner'
import { useLibraryStore } from '../../stores/library'
import { useReviewStore } from '../../stores/review'
import '../../styles/viewer.css'
import '../../styles/viewer-compare.css'
import { ComparePane } from './ComparePane'
import { useViewerKeys } from './viewer/use-viewer-keys'
import { useZoom, zoomKey } from './viewer/use-zoom'
import { ZoomBar } from './viewer/ZoomBar'

const LETTERS = ['A', 'B', 'C', 'D']

/**
 * 2–4 outputs side by side on one dark canvas, zoomed and panned together: a wheel, drag or
 * pinch on any pane moves them all, so the same detail is compared everywhere. Escape closes.
 */
export function CompareView() {
  const ids = useReviewStore((s) => (s.mode === 'compare' ? s.ids : null))
  const close = useReviewStore((s) => s.close)
  const assets = useLibraryStore(useShallow((s) => (ids ? ids.map((id) => s.cache[id]) : null)))
  const lookup = useLibraryStore((s) => s.lookup)
  const zoom = useZoom(ids?.join(',') ?? '')

  useEffect(() => {
    if (ids) void lookup(ids)
  }, [ids, lookup])
  useViewerKeys((key) => zoomKey(key, zoom))

  if (!ids || !assets) return null
  return (
    <Modal title={`Compare ${ids.length} outputs`} onClose={close} className="compare-view">
      <div className="compare-head">
        <p className="viewer-kind">Compare · {ids.length}</p>
        <span className="compare-hint">Zoom and pan move every pane together</span>
        <span className="toolbar-spacer" />
        <ModalClose asChild>
          <IconButton icon="x" label="Close compare" />
        </ModalClose>
      </div>
      <div className="compare-grid" data-count={ids.length}>
        {ids.map((id, i) => {
          const asset = assets[i]
          return asset ? (
            <ComparePane key={id} asset={asset} letter={LETTERS[i]!} view={zoom.view} onView={zoom.update} onMeasure={i === 0 ? zoom.setMeasure : undefined} />
          ) : (
            <div key={id} className="compare-pane viewer-placeholder">
              <Spinner size={20} />
            </div>
          )
        })}
        <ZoomBar zoom={zoom} label="Zoom all" />
      </div>
    </Modal>
  )
}
