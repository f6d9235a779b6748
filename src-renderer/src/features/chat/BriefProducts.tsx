import { useEffect, useRef, useState } from 'react'
import type { Product } from '../../../../src-preload/contract'
import { Button, IconButton } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { TruncatedText } from '../../components/TruncatedText'
import { useAppStore } from '../../stores/app'
import { useProductsStore } from '../../stores/products'
import { MAX_BRIEF_PRODUCTS, briefProducts, useComposerStore } from './composer-store'

function Thumb({ product }: { product: Product }) {
  return (
    <span className="picker-thumb">
      {product.thumbUrl ? <img src={product.thumbUrl} alt="" draggable={false} /> : <Icon name="image" size={14} />}
    </span>
  )
}

/** The products picked for this brief, as removable chips above the message. */
export function BriefChips() {
  const ids = useComposerStore((s) => s.productIds)
  const remove = useComposerStore((s) => s.removeProduct)
  const items = useProductsStore((s) => s.items)
  const picked = briefProducts(ids, items)
  if (picked.length === 0) return null
  return (
    <ul className="brief-chips" aria-label="Products in this brief">
      {picked.map((p) => (
        <li key={p.id} className="brief-chip">
          <Thumb product={p} />
          <TruncatedText className="brief-chip-name" text={p.name} />
          <IconButton icon="x" label={`Remove ${p.name}`} className="brief-chip-remove" onClick={() => remove(p.id)} />
        </li>
      ))}
    </ul>
  )
}

/** "Add products": a small pop-over of the catalogue, toggled in place. */
export function BriefProductPicker() {
  const ids = useComposerStore((s) => s.productIds)
  const toggle = useComposerStore((s) => s.toggleProduct)
  const items = useProductsStore((s) => s.items)
  const load = useProductsStore((s) => s.load)
  const fetch = useProductsStore((s) => s.fetch)
  const navigate = useAppStore((s) => s.navigate)
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const count = briefProducts(ids, items).length

  useEffect(() => {
    if (load === 'idle') void fetch()
  }, [load, fetch])

  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false)
        button.current?.focus()
      }
    }
    document.addEventListener('mousedown', onDown)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('mousedown', onDown)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  const full = count >= MAX_BRIEF_PRODUCTS
  return (
    <div className="brief-picker" ref={root}>
      <button
        ref={button}
        type="button"
        className="brief-picker-toggle"
        aria-label="Add products"
        aria-expanded={open}
        aria-haspopup="dialog"
        title="Add products to this brief"
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="products" size={14} />
        <span>Products</span>
        {count > 0 ? <span className="brief-count">{count}</span> : null}
      </button>
      {open ? (
        <div className="brief-pop" role="dialog" aria-label="Products for this brief">
          <div className="brief-pop-head">
            <span className="control-label">Products for this brief</span>
            <span className="control-aside">
              {full ? `Up to ${MAX_BRIEF_PRODUCTS} — remove one to add another.` : 'The agent sees their photos.'}
            </span>
          </div>
          {items.length === 0 ? (
            <div className="picker-empty">
              <Icon name="products" size={16} />
              <span>{load === 'loading' ? 'Loading your products…' : 'No products yet. Add a product photo to brief about it.'}</span>
              <Button size="sm" onClick={() => navigate('products')}>
                Add product photos
              </Button>
            </div>
          ) : (
            <ul className="picker brief-pop-list" aria-label="Pick products">
              {items.map((p) => {
                const on = ids.includes(p.id)
                return (
                  <li key={p.id}>
                    <button
                      type="button"
                      className="picker-item"
                      aria-pressed={on}
                      disabled={!on && full}
                      onClick={() => toggle(p.id)}
                    >
                      <Thumb product={p} />
                      <TruncatedText className="picker-name" text={p.name} />
                      {on ? <Icon name="check" size={14} className="picker-check" /> : null}
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
          <div className="brief-pop-foot">
            <Button size="sm" variant="primary" onClick={() => setOpen(false)}>
              Done
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
