import type { Asset } from '../../../../src-preload/contract'
import { Icon } from '../../components/Icon'

export function AssetTile({ asset, onOpen }: { asset: Asset; onOpen(): void }) {
  const label = `${asset.kind === 'ad' ? 'Ad' : asset.kind === 'video' ? 'Video' : 'Image'}: ${asset.prompt}`
  return (
    <li className="asset-tile">
      <button type="button" className="asset-open" onClick={onOpen} aria-label={label} title={asset.prompt}>
        {asset.mimeType.startsWith('video/') && asset.thumbUrl === asset.mediaUrl ? (
          // No poster frame yet: the first frame of the video itself, muted and still.
          <video src={asset.thumbUrl} muted playsInline preload="metadata" tabIndex={-1} />
        ) : (
          <img src={asset.thumbUrl} alt="" loading="lazy" draggable={false} />
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
        <span className="asset-caption" aria-hidden="true">
          {asset.adCopy?.headline || asset.prompt}
        </span>
      </button>
    </li>
  )
}
