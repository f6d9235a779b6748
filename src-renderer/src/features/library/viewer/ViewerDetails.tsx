import { useMemo } from 'react'
import type { Asset } from '../../../../../src-preload/contract'
import { Icon } from '../../../components/Icon'
import { formatBytes, formatDateTime } from '../../../lib/format'
import { useLibraryStore } from '../../../stores/library'
import { searchTerms } from '../../../stores/library-view'
import { useProductsStore } from '../../../stores/products'
import { Highlight } from '../Highlight'
import { CopyButton } from '../../../components/CopyButton'

type Approval = Asset['approval']
const approvalOf = (asset: Asset): Approval => asset.approval ?? null

const AD_FIELDS = [
  { key: 'hook', label: 'Hook' },
  { key: 'headline', label: 'Headline' },
  { key: 'bodyCopy', label: 'Body' },
  { key: 'cta', label: 'CTA' }
] as const

function duration(sec: number): string {
  const s = Math.round(sec)
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** Favourite, rating and approval as they stand, in one calm line. */
function ReviewState({ asset }: { asset: Asset }) {
  const approval = approvalOf(asset)
  return (
    <div className="viewer-state">
      <span className="viewer-stars" role="img" aria-label={asset.rating ? `Rated ${asset.rating} of 5` : 'Not rated'}>
        {[1, 2, 3, 4, 5].map((n) => (
          <Icon key={n} name="star" size={13} className={n <= asset.rating ? 'is-on' : undefined} />
        ))}
      </span>
      <span className="viewer-rating-text" aria-hidden="true">
        {asset.rating ? `${asset.rating} of 5` : 'Not rated'}
      </span>
      {asset.favorite ? <span className="badge badge-accent">Favourite</span> : null}
      {approval === 'approved' ? <span className="badge badge-success">Approved</span> : null}
      {approval === 'rejected' ? <span className="badge badge-danger">Rejected</span> : null}
    </div>
  )
}

/** The side panel's scrolling part: ad copy (each field copyable), prompt, facts. */
export function ViewerDetails({ asset }: { asset: Asset }) {
  const products = useProductsStore((s) => s.items)
  // The words the Library's search matched, marked in the prompt as on the tiles.
  const search = useLibraryStore((s) => s.search)
  const terms = useMemo(() => searchTerms(search), [search])
  const productNames = asset.productIds.map((id) => products.find((p) => p.id === id)?.name ?? 'Product not in this catalogue')
  return (
    <div className="asset-viewer-details">
      <ReviewState asset={asset} />
      {asset.adCopy ? (
        <section className="viewer-section" aria-label="Ad copy">
          {AD_FIELDS.map(({ key, label }) => (
            <div key={key} className={`viewer-field viewer-field-${key}`}>
              <div className="viewer-field-head">
                <span className="viewer-label">{label}</span>
                <CopyButton text={asset.adCopy![key]} label={label.toLowerCase()} />
              </div>
              <p className="viewer-field-text">{asset.adCopy![key]}</p>
            </div>
          ))}
        </section>
      ) : null}
      <section className="viewer-field">
        <div className="viewer-field-head">
          <span className="viewer-label">Prompt</span>
          <CopyButton text={asset.prompt} label="prompt" />
        </div>
        <p className="viewer-prompt">
          <Highlight text={asset.prompt} terms={terms} />
        </p>
      </section>
      <dl className="viewer-facts">
        <div>
          <dt>Dimensions</dt>
          <dd>
            {asset.width} × {asset.height} · {asset.aspectRatio}
          </dd>
        </div>
        <div>
          <dt>File size</dt>
          <dd>{formatBytes(asset.bytes)}</dd>
        </div>
        {asset.durationSec ? (
          <div>
            <dt>Duration</dt>
            <dd>{duration(asset.durationSec)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(asset.createdAt)}</dd>
        </div>
        {productNames.length ? (
          <div>
            <dt>{productNames.length === 1 ? 'Product' : 'Products'}</dt>
            <dd>{productNames.join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>Tags</dt>
          <dd>{asset.tags.length ? asset.tags.join(', ') : <span className="viewer-none">None</span>}</dd>
        </div>
      </dl>
    </div>
  )
}
