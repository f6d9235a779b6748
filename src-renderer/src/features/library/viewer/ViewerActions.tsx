import type { Asset } from '../../../../../src-preload/contract'
import { errorMessage, invoke } from '../../../api/client'
import { Button } from '../../../components/Button'
import { Callout } from '../../../components/Callout'
import { Icon } from '../../../components/Icon'
import { useAppStore } from '../../../stores/app'
import { useLibraryStore } from '../../../stores/library'
import { MAX_COMPARE, MIN_COMPARE, useReviewStore } from '../../../stores/review'
import { RemixAssetButton } from '../../create/RemixButton'
import { downloadName, hasNativeDrag, startDragOut } from './drag-out'
import { useReveal } from './use-reveal'

/** The viewer's actions, pinned under the details: favourite, compare pick, folder, export, drag out. */
export function ViewerActions({ asset }: { asset: Asset }) {
  const toggleFavorite = useLibraryStore((s) => s.toggleFavorite)
  const pushNotice = useAppStore((s) => s.pushNotice)
  const picked = useReviewStore((s) => s.picked)
  const togglePick = useReviewStore((s) => s.togglePick)
  const openCompare = useReviewStore((s) => s.openCompare)
  const { missing, busy, reveal, rebuild, remove } = useReveal(asset.id)
  const isPicked = picked.includes(asset.id)
  const pickFull = !isPicked && picked.length >= MAX_COMPARE
  const native = hasNativeDrag()

  const exportOne = async () => {
    try {
      const out = await invoke('library.export', { ids: [asset.id] })
      if (out.folder) pushNotice({ level: 'success', message: `Exported to ${out.folder}` })
    } catch (e) {
      pushNotice({ level: 'error', message: errorMessage(e) })
    }
  }

  return (
    <div className="asset-viewer-actions">
      {missing ? (
        <Callout
          tone="warning"
          title="File missing"
          role="status"
          actions={
            <>
              <Button size="sm" onClick={() => void rebuild()} loading={busy}>
                Rebuild library
              </Button>
              <Button size="sm" variant="ghost" onClick={() => void remove()} disabled={busy}>
                Remove from library
              </Button>
            </>
          }
        >
          It is no longer in the Library folder: moved or deleted outside Krev Studio.
        </Callout>
      ) : null}
      <div className="viewer-action-row">
        <RemixAssetButton asset={asset} />
        <Button
          icon="star"
          aria-pressed={asset.favorite}
          onClick={() => void toggleFavorite(asset).then((e) => e && pushNotice({ level: 'error', message: e }))}
        >
          Favourite
        </Button>
        <Button icon="compare" aria-pressed={isPicked} disabled={pickFull} onClick={() => togglePick(asset.id)}>
          {isPicked ? 'Picked for compare' : 'Add to compare'}
        </Button>
      </div>
      {picked.length >= MIN_COMPARE ? (
        <Button variant="primary" icon="compare" onClick={() => openCompare(picked)}>
          Compare {picked.length}
        </Button>
      ) : null}
      <div className="viewer-action-row">
        <Button icon="folder" onClick={() => void reveal()}>
          Show in folder
        </Button>
        <Button icon="upload" onClick={() => void exportOne()}>
          Export
        </Button>
        {native ? null : (
          <a className="btn btn-secondary btn-md" href={asset.mediaUrl} download={downloadName(asset)}>
            <Icon name="download" size={16} />
            <span className="btn-label">Download</span>
          </a>
        )}
      </div>
      <div
        className="viewer-drag"
        draggable
        onDragStart={(e) => startDragOut(e, [asset])}
        title={native ? 'Drag the file into Finder, Explorer or another app' : 'Drag to your desktop to download'}
      >
        <Icon name="drag" size={14} />
        <img src={asset.thumbUrl} alt="" draggable={false} />
        <span>Drag into another app</span>
      </div>
    </div>
  )
}
