import type { ChatMessage } from '../../../../src-preload/contract'
import { Icon } from '../../components/Icon'
import { useProductsStore } from '../../stores/products'
import { LibraryThumb } from './BriefReferences'

/** The products and reference images a sent message was about, under its bubble. */
export function MessageAttachments({ m }: { m: ChatMessage }) {
  const products = useProductsStore((s) => s.items)
  const productIds = m.productIds ?? []
  const refs = m.referenceImages ?? []
  const assetRefs = m.referenceAssetIds ?? []
  if (!productIds.length && !refs.length && !assetRefs.length) return null
  const byId = new Map(products.map((p) => [p.id, p]))
  const byPhoto = new Map(products.flatMap((p) => (p.imageUrl ? [[p.imageUrl, p] as const] : [])))
  return (
    <ul className="msg-attachments" aria-label="Attached to this message">
      {productIds.map((id) => {
        const p = byId.get(id)
        return (
          <li key={id} className="msg-chip">
            {p?.thumbUrl ? <img src={p.thumbUrl} alt="" /> : <Icon name="products" size={12} />}
            <span>{p?.name ?? 'A product no longer in the catalogue'}</span>
          </li>
        )
      })}
      {refs.map((url) => {
        // A catalogue photo is named after its product, a pasted link after where it is.
        const p = byPhoto.get(url)
        return (
          <li key={url} className="msg-chip" title={url}>
            {p?.thumbUrl ? <img src={p.thumbUrl} alt="" /> : <Icon name="image" size={12} />}
            <span>{p ? `Photo of ${p.name}` : hostOf(url)}</span>
          </li>
        )
      })}
      {assetRefs.map((id, i) => (
        <li key={id} className="msg-chip">
          <LibraryThumb id={id} />
          <span>Library image {i + 1}</span>
        </li>
      ))}
    </ul>
  )
}

function hostOf(url: string): string {
  try {
    const u = new URL(url)
    const file = u.pathname.split('/').filter(Boolean).at(-1)
    return file ? `${u.hostname}/…/${decodeURIComponent(file).slice(0, 40)}` : u.hostname
  } catch {
    return url.slice(0, 60)
  }
}
