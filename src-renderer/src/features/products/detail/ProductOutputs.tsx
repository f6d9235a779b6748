import type { Asset } from '../../../../../src-preload/contract'
import { Button } from '../../../components/Button'
import { useAppStore } from '../../../stores/app'
import { isVideoThumb, useLibraryStore } from '../../../stores/library'

/** Library outputs made with the product: a click opens the viewer, "Show all" filters the Library. */
export function ProductOutputs({ productId, outputs }: { productId: string; outputs: { items: Asset[]; total: number } | null }) {
  const navigate = useAppStore((s) => s.navigate)
  const open = (asset: Asset) => {
    useLibraryStore.getState().setFocus(asset)
    navigate('library')
  }
  const showAll = () => {
    useLibraryStore.getState().setFilter({ productId, kind: 'all', search: '' })
    navigate('library')
  }
  return (
    <section className="detail-outputs" aria-labelledby="detail-outputs-title">
      <header className="detail-section-head">
        <h2 id="detail-outputs-title">Made with this product</h2>
        {outputs && outputs.total > 0 ? (
          <Button size="sm" variant="ghost" iconAfter="arrowRight" onClick={showAll}>
            Show all {outputs.total} in Library
          </Button>
        ) : null}
      </header>
      {outputs === null ? null : outputs.items.length === 0 ? (
        <p className="detail-muted">Nothing yet. Images, videos and ads you create with it appear here.</p>
      ) : (
        <ul className="detail-output-grid">
          {outputs.items.map((a) => (
            <li key={a.id}>
              <button type="button" className="detail-output" onClick={() => open(a)} aria-label={`Open ${a.kind}: ${a.prompt || 'output'}`}>
                {isVideoThumb(a) ? (
                  <video src={a.thumbUrl} muted preload="metadata" aria-hidden="true" />
                ) : (
                  <img src={a.thumbUrl} alt="" loading="lazy" draggable={false} />
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
