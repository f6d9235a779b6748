import { memo } from 'react'
import type { Asset } from '../../../../src-preload/contract'
import { Icon } from '../../components/Icon'
import { isVideoThumb } from '../../stores/library'
import { startDragOut } from './viewer/drag-out'

const KIND_WORD = { image: 'Image', video: 'Video', ad: 'Ad' } as const

/**
 * One tile of the justified grid, at the size the row layout gave it. Its accessible name
 * is its own text (kind, caption, favourite) so it matches what is on screen.
 */
export const AssetTile = memo(function AssetTile({
  asset,
  width,
  height,
  position,
  setSize,
  onOpen
}: {
  asset: Asset
  width: number
  height: number
  position: number
  setSize: number
  onOpen(asset: Asset): void
}) {
  return (
    <div role="listitem" className="asset-tile" style={{ width, height }} aria-posinset={position} aria-setsize={setSize}>
      <button type="button" className="asset-open" onClick={() => onOpen(asset)} title={asset.prompt} draggable onDragStart={(e) => startDragOut(e, [asset])}>
        {isVideoThumb(asset) ? (
          // No poster frame yet: the first frame of the video itself, muted and still.
          <video src={asset.thumbUrl} muted playsInline preload="metadata" tabIndex={-1} aria-hidden="true" />
        ) : (
          <img src={asset.thumbUrl} alt="" decoding="async" draggable={false} />
        )}
        <span className="asset-overlay" aria-hidden="true">
          <span className="asset-kind">
            <Icon name={asset.kind === 'video' ? 'video' : asset.kind === 'ad' ? 'ad' : 'image'} size={12} />
            {asset.kind === 'video' && asset.durationSec ? `${Math.round(asset.durationSec)}s` : asset.aspectRatio}
          </span>
          {asset.favorite ? (
            <span className="asset-fav">
              <Icon name="star" size={12} />
            </span>
          ) : null}
        </span>
        <span className="asset-caption">
          <span className="sr-only">{KIND_WORD[asset.kind]}: </span>
          {asset.adCopy?.headline || asset.prompt}
          {asset.favorite ? <span className="sr-only"> (favourite)</span> : null}
        </span>
      </button>
    </div>
  )
})
