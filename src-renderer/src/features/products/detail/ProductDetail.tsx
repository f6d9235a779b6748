import { useEffect, useRef, useState } from 'react'
import type { Product } from '../../../../../src-preload/contract'
import { errorMessage } from '../../../api/client'
import { Button } from '../../../components/Button'
import { Callout } from '../../../components/Callout'
import { Icon } from '../../../components/Icon'
import { useAppStore } from '../../../stores/app'
import { useCreateStore } from '../../../stores/create'
import { useProductsStore } from '../../../stores/products'
import { shownName } from '../catalog-view'
import { ProductFields } from './ProductFields'
import { ProductOutputs } from './ProductOutputs'
import { useProductDetail } from './use-product-detail'

function Picture({ title, url, empty }: { title: string; url: string | null; empty: string }) {
  return (
    <figure className="detail-picture">
      <div className={title === 'Cut-out' ? 'detail-frame is-cutout' : 'detail-frame'}>
        {url ? <img src={url} alt={title} draggable={false} /> : <span className="detail-muted"><Icon name="image" size={24} /> {empty}</span>}
      </div>
      <figcaption>{title}</figcaption>
    </figure>
  )
}

/** Rename (locally) — Krev has no rename, so Krev's name stays beside it. */
function RenameForm({ product }: { product: Product }) {
  const setLocal = useProductsStore((s) => s.setLocal)
  const [name, setName] = useState(product.localName ?? '')
  const [error, setError] = useState<string | null>(null)
  const save = async (localName: string | null) => {
    try {
      await setLocal(product.id, { localName })
      setError(null)
      if (localName === null) setName('')
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const changed = name.trim() !== (product.localName ?? '')
  return (
    <form
      className="detail-rename"
      onSubmit={(e) => {
        e.preventDefault()
        void save(name.trim() || null)
      }}
    >
      <label className="field-label" htmlFor="detail-local-name">
        Name in Krev Studio
      </label>
      <div className="detail-rename-row">
        <input id="detail-local-name" className="input" value={name} maxLength={200} placeholder={product.name} onChange={(e) => setName(e.target.value)} />
        <Button type="submit" disabled={!changed}>
          Rename
        </Button>
        {product.localName ? (
          <Button variant="ghost" onClick={() => void save(null)}>
            Use Krev’s name
          </Button>
        ) : null}
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </form>
  )
}

/** The product page: both pictures, every field, local rename/hide, and what was made with it. */
export function ProductDetail({ product }: { product: Product }) {
  const close = useProductsStore((s) => s.openDetail)
  const setLocal = useProductsStore((s) => s.setLocal)
  const navigate = useAppStore((s) => s.navigate)
  const patch = useCreateStore((s) => s.patch)
  const { detail, error, outputs } = useProductDetail(product.id, 0)
  const hidden = product.hidden === true
  const heading = useRef<HTMLHeadingElement>(null)
  // A page of its own: it opens at its top, and focus moves to its title (screen readers hear where they are).
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'end' })
    heading.current?.focus({ preventScroll: true })
  }, [product.id])
  return (
    <article className="product-detail" aria-labelledby="product-detail-title">
      <header className="detail-head">
        <Button variant="ghost" icon="chevronRight" className="detail-back" onClick={() => close(null)}>
          All products
        </Button>
        <div className="detail-title-block">
          <h1 id="product-detail-title" ref={heading} tabIndex={-1}>{shownName(product)}</h1>
          {product.localName ? <p className="detail-muted">In Krev: {product.name}</p> : null}
        </div>
        <div className="detail-actions">
          <Button onClick={() => void setLocal(product.id, { hidden: !hidden })}>
            {hidden ? 'Show again' : 'Hide'}
          </Button>
          <Button
            variant="primary"
            icon="sparkles"
            onClick={() => {
              patch({ productIds: [product.id] })
              navigate('create')
            }}
          >
            Use
          </Button>
        </div>
      </header>
      {hidden ? (
        <Callout tone="info" title="Hidden in Krev Studio">
          It no longer shows in your products or pickers here. It is still in your Krev catalogue, and everything made with it stays in the
          Library.
        </Callout>
      ) : null}
      {error ? (
        <Callout tone="warning" title="Couldn’t refresh this product" role="alert">
          {error}
        </Callout>
      ) : null}
      <div className="detail-pictures">
        <Picture title="Original" url={detail?.originalUrl ?? null} empty={detail ? 'Not downloaded yet' : 'Loading…'} />
        <Picture title="Cut-out" url={detail?.cutoutUrl ?? null} empty={detail ? (product.segmentedImageUrl ? 'Not downloaded yet' : 'No cut-out (background kept)') : 'Loading…'} />
      </div>
      <div className="detail-body">
        <section aria-labelledby="detail-fields-title">
          <h2 id="detail-fields-title" className="detail-h2">
            What Krev read from the photo
          </h2>
          <ProductFields product={product} />
        </section>
        <section aria-labelledby="detail-manage-title">
          <h2 id="detail-manage-title" className="detail-h2">
            Manage
          </h2>
          <RenameForm key={product.localName ?? ''} product={product} />
          <p className="detail-note">
            Krev’s API can’t rename or delete products, so the name is kept in Krev Studio beside Krev’s, and “Hide” only hides it here. Nothing
            you made with it is ever removed.
          </p>
        </section>
      </div>
      <ProductOutputs productId={product.id} outputs={outputs} />
    </article>
  )
}
