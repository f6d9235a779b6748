import { useEffect, useRef } from 'react'
import type { Asset } from '../../../../src-preload/contract'
import { errorMessage, invoke } from '../../api/client'
import { Button } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { formatBytes, formatDateTime } from '../../lib/format'
import { useAppStore } from '../../stores/app'
import { useLibraryStore } from '../../stores/library'

/** A large preview with details and the few actions that matter. */
export function AssetViewer({ asset, onClose }: { asset: Asset; onClose(): void }) {
  const toggleFavorite = useLibraryStore((s) => s.toggleFavorite)
  const pushNotice = useAppStore((s) => s.pushNotice)
  const closeRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null
    closeRef.current?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
      prev?.focus()
    }
  }, [onClose])

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn()
    } catch (e) {
      pushNotice({ level: 'error', message: errorMessage(e) })
    }
  }

  return (
    <div className="viewer-backdrop" onClick={onClose}>
      <div className="viewer" role="dialog" aria-modal="true" aria-label="Preview" onClick={(e) => e.stopPropagation()}>
        <div className="viewer-media">
          {asset.kind === 'video' ? (
            <video src={asset.mediaUrl} poster={asset.thumbUrl} controls playsInline />
          ) : (
            <img src={asset.mediaUrl} alt={asset.prompt} />
          )}
        </div>
        <div className="viewer-side">
          <div className="viewer-head">
            <p className="viewer-kind">{asset.kind === 'ad' ? 'Ad' : asset.kind === 'video' ? 'Video' : 'Image'}</p>
            <button ref={closeRef} type="button" className="icon-btn" aria-label="Close preview" onClick={onClose}>
              <Icon name="x" size={16} />
            </button>
          </div>
          {asset.adCopy ? (
            <div className="viewer-copy">
              <p className="viewer-hook">{asset.adCopy.hook}</p>
              <p className="viewer-headline">{asset.adCopy.headline}</p>
              <p>{asset.adCopy.bodyCopy}</p>
              <span className="badge badge-accent">{asset.adCopy.cta}</span>
            </div>
          ) : null}
          <p className="viewer-prompt">{asset.prompt}</p>
          <dl className="viewer-facts">
            <div>
              <dt>Size</dt>
              <dd>
                {asset.width} × {asset.height} · {formatBytes(asset.bytes)}
              </dd>
            </div>
            <div>
              <dt>Aspect</dt>
              <dd>{asset.aspectRatio}</dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>{formatDateTime(asset.createdAt)}</dd>
            </div>
          </dl>
          <div className="viewer-actions">
            <Button icon="star" onClick={() => void toggleFavorite(asset).then((e) => e && pushNotice({ level: 'error', message: e }))}>
              {asset.favorite ? 'Unfavourite' : 'Favourite'}
            </Button>
            <Button icon="folder" onClick={() => void run(() => invoke('library.reveal', { id: asset.id }))}>
              Show in folder
            </Button>
            <Button
              icon="upload"
              onClick={() =>
                void run(async () => {
                  const out = await invoke('library.export', { ids: [asset.id] })
                  if (out.folder) pushNotice({ level: 'success', message: `Exported to ${out.folder}` })
                })
              }
            >
              Export
            </Button>
          </div>
        </div>
      </div>
    </div>
  )
}
