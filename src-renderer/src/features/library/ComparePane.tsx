import type { Asset } from '../../../../src-preload/contract'
import type { Measure, ViewUpdate } from './viewer/use-zoom'
import { ZoomStage } from './viewer/ZoomStage'
import type { View } from './viewer/zoom-math'
import { TruncatedText } from '../../components/TruncatedText'

/** One output in Compare: its label and the shared view (a video shows its poster frame). */
export function ComparePane({
  asset,
  letter,
  view,
  onView,
  onMeasure
}: {
  asset: Asset
  letter: string
  view: View
  onView: ViewUpdate
  onMeasure?: ((m: Measure) => void) | undefined
}) {
  const video = asset.kind === 'video'
  return (
    <figure className="compare-pane" aria-label={`${letter}: ${asset.prompt}`}>
      <ZoomStage
        src={video ? asset.thumbUrl : asset.mediaUrl}
        alt={asset.prompt}
        natural={{ width: asset.width, height: asset.height }}
        view={view}
        onView={onView}
        {...(onMeasure ? { onMeasure } : {})}
      />
      <figcaption className="compare-label">
        <span className="compare-letter">{letter}</span>
        <TruncatedText className="compare-caption" text={asset.adCopy?.headline || asset.prompt} />
        <span className="compare-meta">
          {video ? 'Video poster · ' : ''}
          {asset.width}×{asset.height}
        </span>
      </figcaption>
    </figure>
  )
}
