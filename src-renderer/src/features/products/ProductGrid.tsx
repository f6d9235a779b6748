import type { Product } from '../../../../src-preload/contract'
import { Button } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { TruncatedText } from '../../components/TruncatedText'
import { useAppStore } from '../../stores/app'
import { useCreateStore } from '../../stores/create'
import { useProductsStore } from '../../stores/products'
import { shownName } from './catalog-view'
import './product-thumb.css'

/** A short line of what Krev read from the photo: brand · type · colours. */
export function productDetails(p: Product): string {
  const m = p.metadata
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null)
  const colors = Array.isArray(m.colors) ? m.colors.filter((c): c is string => typeof c === 'string').slice(0, 2).join(', ') : null
  return [str(m.brandName), str(m.productType) ?? p.category, colors || null].filter(Boolean).join(' · ')
}

function ProductCard({ product }: { product: Product }) {
  const navigate = useAppStore((s) => s.navigate)
  const patch = useCreateStore((s) => s.patch)
  const openDetail = useProductsStore((s) => s.openDetail)
  const details = productDetails(product)
  const name = shownName(product)
  const useIt = () => {
    patch({ productIds: [product.id] })
    navigate('create')
  }
  return (
    <li className={product.hidden ? 'product-card is-hidden' : 'product-card'}>
      <button type="button" className="product-open" onClick={() => openDetail(product.id)}>
        {/* Named by what it shows (axe: label-content-name-mismatch), "Open" said first to screen readers. */}
        <span className="sr-only">Open </span>
        {/* The thumbnail is of the cut-out whenever Krev made one (main picks the same source). */}
        <div className={product.segmentedImageUrl ? 'product-thumb is-cutout' : 'product-thumb'}>
          {product.thumbUrl ? (
            <img src={product.thumbUrl} alt="" loading="lazy" draggable={false} />
          ) : (
            <Icon name="image" size={28} className="product-thumb-placeholder" />
          )}
        </div>
        <div className="product-meta">
          <TruncatedText as="p" className="product-name" text={name} />
          <p className="product-details">{product.hidden ? 'Hidden · ' : ''}{details || 'No details yet'}</p>
        </div>
      </button>
      <Button size="sm" variant="ghost" icon="sparkles" className="product-use" onClick={useIt} aria-label={`Use ${name}`}>
        Use
      </Button>
    </li>
  )
}

export function ProductGrid({ items }: { items: Product[] }) {
  return (
    <ul className="product-grid" aria-label="Your products">
      {items.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </ul>
  )
}
