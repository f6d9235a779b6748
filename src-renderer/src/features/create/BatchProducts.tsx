import { useEffect } from 'react'
import { Icon } from '../../components/Icon'
import { useBatchStore } from '../../stores/batch'
import { useProductsStore } from '../../stores/products'

/** The batch's products as toggle chips: one job each (products mode) or references of every job. */
export function BatchProducts({ label, hint, empty }: { label: string; hint: string; empty: string }) {
  const selected = useBatchStore((s) => s.productIds)
  const toggle = useBatchStore((s) => s.toggleProduct)
  const items = useProductsStore((s) => s.items)
  const load = useProductsStore((s) => s.load)
  const fetch = useProductsStore((s) => s.fetch)

  useEffect(() => {
    if (load === 'idle') void fetch()
  }, [load, fetch])

  return (
    <div className="control-block">
      <span className="control-label">
        {label} <span className="control-aside">{hint}</span>
      </span>
      {items.length === 0 ? (
        <div className="picker-empty">
          <Icon name="products" size={16} />
          <span>No products yet: {empty}</span>
        </div>
      ) : (
        <ul className="picker batch-picker" aria-label={label}>
          {items.map((p) => (
            <li key={p.id}>
              <button type="button" className="picker-item" aria-pressed={selected.includes(p.id)} onClick={() => toggle(p.id)}>
                <span className="picker-thumb">{p.thumbUrl ? <img src={p.thumbUrl} alt="" draggable={false} /> : <Icon name="image" size={14} />}</span>
                <span className="picker-name">{p.name}</span>
                {selected.includes(p.id) ? <Icon name="check" size={14} className="picker-check" /> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
