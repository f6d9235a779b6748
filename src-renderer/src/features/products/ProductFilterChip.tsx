import { IconButton } from '../../components/Button'
import { useLibraryStore } from '../../stores/library'
import { useProductsStore } from '../../stores/products'
import { shownName } from './catalog-view'

/** The Library's "made with this product" filter (set from the product page), with a way out. */
export function ProductFilterChip() {
  const productId = useLibraryStore((s) => s.productId)
  const setFilter = useLibraryStore((s) => s.setFilter)
  const product = useProductsStore((s) => (productId ? [...s.items, ...s.hiddenItems].find((p) => p.id === productId) : undefined))
  if (!productId) return null
  const name = product ? shownName(product) : 'one product'
  return (
    <div className="product-filter-chip" role="status">
      <span>
        Made with <strong>{name}</strong>
      </span>
      <IconButton icon="x" label="Show outputs of every product" onClick={() => setFilter({ productId: null })} />
    </div>
  )
}
