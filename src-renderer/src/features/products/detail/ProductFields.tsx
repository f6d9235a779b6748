import { useState } from 'react'
import type { Product } from '../../../../../src-preload/contract'
import { IconButton } from '../../../components/Button'
import { formatDateTime } from '../../../lib/format'

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)
const list = (v: unknown): string | null =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').join(', ') || null : str(v)

/** Every field Krev's analysis filled in, plus the id (copyable) and when it was made. */
export function ProductFields({ product }: { product: Product }) {
  const m = product.metadata
  const [copied, setCopied] = useState(false)
  const copy = () =>
    void navigator.clipboard?.writeText(product.id).then(
      () => setCopied(true),
      () => setCopied(false)
    )
  const rows: [string, string | null][] = [
    ['Name in Krev', product.name],
    ['Brand', str(m.brandName)],
    ['Product name', str(m.productName)],
    ['Type', str(m.productType)],
    ['Colours', list(m.colors)],
    ['Materials', list(m.materials)],
    ['Category', product.category],
    ['Created', formatDateTime(product.createdAt) || product.createdAt]
  ]
  return (
    <dl className="detail-fields">
      {rows.map(([label, value]) => (
        <div key={label} className="detail-field">
          <dt>{label}</dt>
          <dd className={value ? undefined : 'is-empty'}>{value ?? 'Not detected'}</dd>
        </div>
      ))}
      <div className="detail-field">
        <dt>Product id</dt>
        <dd className="detail-id">
          <code>{product.id}</code>
          <IconButton icon={copied ? 'check' : 'file'} label={copied ? 'Copied' : 'Copy product id'} onClick={copy} />
        </dd>
      </div>
    </dl>
  )
}
