import type { Asset } from '../../../../../src-preload/contract'
import { errorMessage, invoke } from '../../../api/client'
import { Button, IconButton } from '../../../components/Button'
import { Callout } from '../../../components/Callout'
import { Icon } from '../../../components/Icon'
import { Tooltip } from '../../../components/Tooltip'
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
          className="viewer-missing"
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
          It was moved or deleted outside Krev Studio.
        </Callout>
      ) : null}
      <div className="viewer-action-row">
        <RemixAssetButton asset={asset} />
        <Button
          size="sm"
          icon="star"
          aria-pressed={asset.favorite}
          onClick={() => void toggleFavorite(asset).then((e) => e && pushNotice({ level: 'error', message: e }))}
        >
          Favourite
        </Button>
        <Button size="sm" icon="compare" aria-pressed={isPicked} disabled={pickFull} onClick={() => togglePick(asset.id)}>
          {isPicked ? 'In compare' : 'Add to compare'}
        </Button>
        {picked.length >= MIN_COMPARE ? (
          <Button size="sm" variant="primary" onClick={() => openCompare(picked)}>
            Compare {picked.length}
          </Button>
        ) : null}
      </div>
      <div className="viewer-action-row">
        <div
          className="viewer-drag"
          draggable
          onDragStart={(e) => startDragOut(e, [asset])}
          title={native ? 'Drag the file into Finder, Explorer or another app' : 'Drag to your desktop to download'}
        >
          <Icon name="drag" size={14} />
          <img src={asset.thumbUrl} alt="" draggable={false} />
          <span>Drag out</span>
        </div>
        <IconButton icon="folder" label="Show in folder" className="viewer-icon-action" onClick={() => void reveal()} />
        <IconButton icon="upload" label="Export" className="viewer-icon-action" onClick={() => void exportOne()} />
        {native ? null : (
          <Tooltip label="Download">
            <a className="icon-btn viewer-icon-action" href={asset.mediaUrl} download={downloadName(asset)} aria-label="Download">
              <Icon name="download" size={16} />
            </a>
          </Tooltip>
        )}
      </div>
    </div>
  )
}
