import type { Asset } from '../../../../src-preload/contract'
import { errorMessage, invoke } from '../../api/client'
import { Button, IconButton } from '../../components/Button'
import { Modal, ModalClose } from '../../components/Modal'
import { formatBytes, formatDateTime } from '../../lib/format'
import { useAppStore } from '../../stores/app'
import { useLibraryStore } from '../../stores/library'
import { searchTerms } from '../../stores/library-view'
import '../../styles/viewer.css'
import { Highlight } from './Highlight'

const KIND_LABEL: Record<Asset['kind'], string> = { image: 'Image', video: 'Video', ad: 'Ad' }

/**
 * A large preview with details and the few actions that matter, as a modal dialog. Nothing
 * here depends on `onClose`'s identity, so a re-render (Favourite) never moves focus.
 */
export function AssetViewer({ asset, onClose }: { asset: Asset; onClose(): void }) {
  const toggleFavorite = useLibraryStore((s) => s.toggleFavorite)
  const search = useLibraryStore((s) => s.search)
  const pushNotice = useAppStore((s) => s.pushNotice)
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn()
    } catch (e) {
      pushNotice({ level: 'error', message: errorMessage(e) })
    }
  }

  return (
    <Modal title="Preview" onClose={onClose} className="asset-viewer">
      <div className="asset-viewer-media">
        {asset.kind === 'video' ? (
          <video src={asset.mediaUrl} poster={asset.thumbUrl} controls playsInline />
        ) : (
          <img src={asset.mediaUrl} alt={asset.prompt} />
        )}
      </div>
      <div className="asset-viewer-side">
        <div className="viewer-head">
          <p className="viewer-kind">{KIND_LABEL[asset.kind]}</p>
          <ModalClose asChild>
            <IconButton icon="x" label="Close preview" />
          </ModalClose>
        </div>
        <div className="asset-viewer-details">
          {asset.adCopy ? (
            <div className="viewer-copy">
              <p className="viewer-hook">{asset.adCopy.hook}</p>
              <p className="viewer-headline">{asset.adCopy.headline}</p>
              <p>{asset.adCopy.bodyCopy}</p>
              <span className="badge badge-accent">{asset.adCopy.cta}</span>
            </div>
          ) : null}
          <p className="viewer-prompt">
            <Highlight text={asset.prompt} terms={searchTerms(search)} />
          </p>
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
        </div>
        {/* Outside the scrolling details: the actions stay in view at any window height. */}
        <div className="asset-viewer-actions">
          <Button
            icon="star"
            aria-pressed={asset.favorite}
            onClick={() => void toggleFavorite(asset).then((e) => e && pushNotice({ level: 'error', message: e }))}
          >
            Favourite
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
    </Modal>
  )
}
