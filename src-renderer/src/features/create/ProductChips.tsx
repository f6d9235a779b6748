import { useEffect, type ReactNode } from 'react'
import type { Product } from '../../../../src-preload/contract'
import { Icon } from '../../components/Icon'
import { TruncatedText } from '../../components/TruncatedText'
import { useProductsStore } from '../../stores/products'

/** The catalogue's products, fetched on first use (Create's picker and the batch form share it). */
export function useProductItems(): Product[] {
  const items = useProductsStore((s) => s.items)
  const load = useProductsStore((s) => s.load)
  const fetch = useProductsStore((s) => s.fetch)
  useEffect(() => {
    if (load === 'idle') void fetch()
  }, [load, fetch])
  return items
}

/** Products as toggle chips (aria-pressed), with their thumbnails. */
export function ProductChips({
  label,
  items,
  selected,
  onToggle,
  className
}: {
  label: string
  items: readonly Product[]
  selected: readonly string[]
  onToggle(id: string): void
  className?: string
}) {
  return (
    <ul className={['picker', className].filter(Boolean).join(' ')} aria-label={label}>
      {items.map((p) => {
        const on = selected.includes(p.id)
        return (
          <li key={p.id}>
            <button type="button" className="picker-item" aria-pressed={on} onClick={() => onToggle(p.id)}>
              <span className="picker-thumb">{p.thumbUrl ? <img src={p.thumbUrl} alt="" draggable={false} /> : <Icon name="image" size={14} />}</span>
              <TruncatedText className="picker-name" text={p.name} />
              {on ? <Icon name="check" size={14} className="picker-check" /> : null}
            </button>
          </li>
        )
      })}
    </ul>
  )
}

/** A labelled product choice: the chips, or (no products yet) why it is empty and what to do. */
export function ProductChooser({
  label,
  hint,
  empty,
  emptyAction,
  ...chips
}: {
  label: string
  hint: string
  empty: string
  emptyAction?: ReactNode
  selected: readonly string[]
  onToggle(id: string): void
  className?: string
}) {
  const items = useProductItems()
  return (
    <div className="control-block">
      <span className="control-label">
        {label} <span className="control-aside">{hint}</span>
      </span>
      {items.length === 0 ? (
        <div className="picker-empty">
          <Icon name="products" size={16} />
          <span>{empty}</span>
          {emptyAction}
        </div>
      ) : (
        <ProductChips label={label} items={items} {...chips} />
      )}
    </div>
  )
}
