import { useEffect, useRef } from 'react'
import type { Asset } from '../../../../src-preload/contract'
import { IconButton } from '../../components/Button'
import { Modal, ModalClose } from '../../components/Modal'
import { Spinner } from '../../components/Spinner'
import { useLibraryStore } from '../../stores/library'
import { useReviewStore, viewerId } from '../../stores/review'
import '../../styles/viewer.css'
import '../../styles/viewer-panel.css'
import { useViewerKeys } from './viewer/use-viewer-keys'
import { useZoom, zoomKey } from './viewer/use-zoom'
import { ViewerActions } from './viewer/ViewerActions'
import { ViewerDetails } from './viewer/ViewerDetails'
import { ZoomBar } from './viewer/ZoomBar'
import { ZoomStage } from './viewer/ZoomStage'

const KIND_LABEL: Record<Asset['kind'], string> = { image: 'Image', video: 'Video', ad: 'Ad' }

/** Full-screen requests go to the canvas (image or video), so the chrome stays out of the way. */
function toggleFullscreen(el: HTMLElement | null): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
  else void el?.requestFullscreen().catch(() => undefined)
}

/**
 * The viewer, open wherever `stores/review` says (Library, Queue outputs, Create's latest
 * results): a dark canvas that zooms and pans, previous/next through the list it was opened
 * with (buttons and ←/→), the details with each text copyable, and the actions. A Radix
 * dialog: focus trapped and restored, Escape closes.
 */
export function AssetViewer() {
  const id = useReviewStore(viewerId)
  const index = useReviewStore((s) => s.index)
  const count = useReviewStore((s) => s.ids.length)
  const prevId = useReviewStore((s) => s.ids[s.index - 1])
  const nextId = useReviewStore((s) => s.ids[s.index + 1])
  const step = useReviewStore((s) => s.step)
  const close = useReviewStore((s) => s.close)
  const asset = useLibraryStore((s) => (id ? s.cache[id] : undefined))
  const lookupState = useLibraryStore((s) => (id ? s.lookups[id] : undefined))
  const lookup = useLibraryStore((s) => s.lookup)
  const canvas = useRef<HTMLDivElement>(null)
  const zoom = useZoom(id ?? '')

  // The one shown, and its neighbours so stepping is instant.
  useEffect(() => {
    const wanted = [id, prevId, nextId].filter((x): x is string => typeof x === 'string')
    if (wanted.length) void lookup(wanted)
  }, [id, prevId, nextId, lookup])

  useViewerKeys((key) => {
    if (key === 'ArrowLeft') step(-1)
    else if (key === 'ArrowRight') step(1)
    else if (key === 'Home') step(-count)
    else if (key === 'End') step(count)
    else if (key === 'f') toggleFullscreen(canvas.current)
    else return asset?.kind !== 'video' && zoomKey(key, zoom)
    return true
  })

  if (!id) return null
  const video = asset?.kind === 'video'
  return (
    <Modal title="Preview" onClose={close} className="asset-viewer">
      <div className="viewer-canvas" ref={canvas}>
        <div className="viewer-topbar">
          <span className="viewer-counter" role="status">
            <span aria-hidden="true">
              {index + 1} / {count}
            </span>
            <span className="sr-only">
              {asset ? KIND_LABEL[asset.kind] : 'Item'} {index + 1} of {count}
            </span>
          </span>
          <span className="toolbar-spacer" />
          <IconButton icon="fullscreen" label="Full screen (F)" className="canvas-btn" onClick={() => toggleFullscreen(canvas.current)} />
        </div>
        {!asset ? (
          <div className="viewer-placeholder" role="status">
            {lookupState === 'missing' ? 'This item is no longer in your library.' : lookupState === 'failed' ? 'This item couldn’t be loaded.' : <Spinner size={20} />}
          </div>
        ) : video ? (
          // Not draggable itself: a drag on the video's timeline scrubs (the Drag out chip is beside it).
          <div className="viewer-video">
            <video key={asset.id} src={asset.mediaUrl} poster={asset.thumbUrl} controls playsInline aria-label={asset.prompt} />
          </div>
        ) : (
          <ZoomStage src={asset.mediaUrl} alt={asset.prompt} natural={{ width: asset.width, height: asset.height }} view={zoom.view} onView={zoom.update} onMeasure={zoom.setMeasure} />
        )}
        {count > 1 ? (
          <>
            <IconButton icon="chevronLeft" label="Previous (←)" className="viewer-step viewer-prev" disabled={index === 0} onClick={() => step(-1)} />
            <IconButton icon="chevronRight" label="Next (→)" className="viewer-step viewer-next" disabled={index >= count - 1} onClick={() => step(1)} />
          </>
        ) : null}
        {asset && !video ? <ZoomBar zoom={zoom} /> : null}
      </div>
      <div className="asset-viewer-side">
        <div className="viewer-head">
          <p className="viewer-kind">{asset ? KIND_LABEL[asset.kind] : 'Preview'}</p>
          <ModalClose asChild>
            <IconButton icon="x" label="Close preview" />
          </ModalClose>
        </div>
        {asset ? (
          <>
            <ViewerDetails asset={asset} />
            <ViewerActions asset={asset} />
          </>
        ) : null}
      </div>
    </Modal>
  )
}
