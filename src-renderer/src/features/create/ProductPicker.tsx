import { useEffect } from 'react'
import { Button } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { useAppStore } from '../../stores/app'
import { useCreateStore } from '../../stores/create'
import { useProductsStore } from '../../stores/products'

/** Products as toggle chips; videos take one, images and ads up to ten. */
export function ProductPicker() {
  const kind = useCreateStore((s) => s.draft.kind)
  const selected = useCreateStore((s) => s.draft.productIds)
  const toggle = useCreateStore((s) => s.toggleProduct)
  const items = useProductsStore((s) => s.items)
  const load = useProductsStore((s) => s.load)
  const fetch = useProductsStore((s) => s.fetch)
  const navigate = useAppStore((s) => s.navigate)

  useEffect(() => {
    if (load === 'idle') void fetch()
  }, [load, fetch])

  const label = kind === 'ad' ? 'Featured products' : kind === 'video' ? 'Reference product' : 'Reference products'
  const hint =
    kind === 'ad' ? 'Required — pick at least one.' : kind === 'video' ? 'Optional — one product.' : 'Optional — up to ten.'

  return (
    <div className="control-block">
      <span className="control-label">
        {label} <span className="control-aside">{hint}</span>
      </span>
      {items.length === 0 ? (
        <div className="picker-empty">
          <Icon name="products" size={16} />
          <span>
            {kind === 'ad'
              ? 'Ads are built around your products. Add a product photo first.'
              : 'Add product photos to use them as references.'}
          </span>
          <Button size="sm" onClick={() => navigate('products')}>
            Add product photos
          </Button>
        </div>
      ) : (
        <ul className="picker" aria-label={label}>
          {items.map((p) => {
            const on = selected.includes(p.id)
            return (
              <li key={p.id}>
                <button type="button" className="picker-item" aria-pressed={on} onClick={() => toggle(p.id)}>
                  <span className="picker-thumb">
                    {p.thumbUrl ? <img src={p.thumbUrl} alt="" draggable={false} /> : <Icon name="image" size={14} />}
                  </span>
                  <span className="picker-name">{p.name}</span>
                  {on ? <Icon name="check" size={14} className="picker-check" /> : null}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
