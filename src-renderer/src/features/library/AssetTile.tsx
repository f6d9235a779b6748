import { memo, type MouseEvent } from 'react'
import type { Asset } from '../../../../src-preload/contract'
import { Icon } from '../../components/Icon'
import { TruncatedText } from '../../components/TruncatedText'
import { releaseOnUnmount } from '../../lib/release-image'
import { isVideoThumb, useLibraryStore } from '../../stores/library'
import { Highlight } from './Highlight'
import { startDragOut } from './viewer/drag-out'

const KIND_WORD = { image: 'Image', video: 'Video', ad: 'Ad' } as const
/** At most this wide (px), the check takes the shape badge's place (library-review.css). */
const NARROW_TILE = 220

/** What a drag from this tile carries: the selection when the tile is in it, else the tile. */
function dragSet(asset: Asset): Asset[] {
  const { selected, cache } = useLibraryStore.getState()
  if (!selected.has(asset.id)) return [asset]
  return [asset, ...[...selected].filter((id) => id !== asset.id).flatMap((id) => (cache[id] ? [cache[id]] : []))]
}

/**
 * One tile of the justified grid, at the size the row layout gave it. Its accessible name
 * is its own text (kind, caption, then its review state: favourite, rating, verdict,
 * selected) so it matches what is on screen. Only the focused tile is in the tab order
 * (roving tabindex); the grid moves focus with the arrows. The round check in the corner
 * is the mouse's way to select (the grid's keys are the keyboard's).
 */
export const AssetTile = memo(function AssetTile({
  asset,
  width,
  height,
  index,
  setSize,
  focused,
  terms,
  onActivate
}: {
  asset: Asset
  width: number
  height: number
  index: number
  setSize: number
  focused: boolean
  terms: readonly string[]
  onActivate(event: MouseEvent, index: number, asset: Asset): void
}) {
  // A boolean per tile: a selection change re-renders only the tiles whose answer changed.
  const selected = useLibraryStore((s) => s.selected.has(asset.id))
  const selecting = useLibraryStore((s) => s.selected.size > 0)
  const state = [
    asset.favorite ? 'favourite' : '',
    asset.rating ? `rated ${asset.rating} of 5` : '',
    asset.approval ?? '',
    selected ? 'selected' : ''
  ].filter(Boolean)
  const caption = asset.adCopy?.headline || asset.prompt
  const cls = ['asset-tile', width <= NARROW_TILE ? 'is-narrow' : '', selected ? 'is-selected' : '', selecting ? 'is-selecting' : ''].filter(Boolean).join(' ')
  return (
    <div role="listitem" className={cls} style={{ width, height }} aria-posinset={index + 1} aria-setsize={setSize}>
      <button
        type="button"
        className="asset-open"
        data-index={index}
        tabIndex={focused ? 0 : -1}
        onClick={(e) => onActivate(e, index, asset)}
        draggable
        onDragStart={(e) => startDragOut(e, dragSet(asset))}
      >
        {isVideoThumb(asset) ? (
          // No poster frame yet: the first frame of the video itself, muted and still.
          <video src={asset.thumbUrl} muted playsInline preload="metadata" tabIndex={-1} aria-hidden="true" />
        ) : (
          <img ref={releaseOnUnmount} src={asset.thumbUrl} alt="" decoding="async" draggable={false} />
        )}
        <span className="asset-check" data-check="true" aria-hidden="true">
          <Icon name="check" size={12} />
        </span>
        <span className="asset-overlay" aria-hidden="true">
          <span className="asset-kind">
            <Icon name={asset.kind === 'video' ? 'video' : asset.kind === 'ad' ? 'ad' : 'image'} size={12} />
            {asset.kind === 'video' && asset.durationSec ? `${Math.round(asset.durationSec)}s` : asset.aspectRatio}
          </span>
          <span className="asset-badges">
            {asset.approval ? (
              <span className={`asset-verdict asset-verdict-${asset.approval}`}>
                <Icon name={asset.approval === 'approved' ? 'check' : 'x'} size={12} />
              </span>
            ) : null}
            {asset.rating > 0 ? (
              <span className="asset-rating">
                <Icon name="star" size={11} />
                {asset.rating}
              </span>
            ) : null}
            {asset.favorite ? (
              <span className="asset-fav">
                <Icon name="star" size={12} />
              </span>
            ) : null}
          </span>
        </span>
        <TruncatedText className={terms.length ? 'asset-caption has-match' : 'asset-caption'} text={caption}>
          <span className="sr-only">{KIND_WORD[asset.kind]}: </span>
          <Highlight text={caption} terms={terms} />
          {state.length ? <span className="sr-only"> ({state.join(', ')})</span> : null}
        </TruncatedText>
      </button>
    </div>
  )
})
