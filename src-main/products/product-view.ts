import type { Product } from '../../src-preload/contract'
import type { ProductLocal } from '../db/catalog-repo'
import type { KrevProduct } from '../krev/types'
import type { MediaMode } from '../media/media-store'
import type { MediaUrlFactory } from '../media/media-url'
import { productRef } from './product-media'

/**
 * A catalogue entry as the renderer sees it. `thumbUrl` is always the LOCAL copy (or null
 * until it's downloaded): the renderer never loads remote media. The remote signed URLs
 * stay in imageUrl/segmentedImageUrl for reference only; they expire.
 */
export function toProduct(mode: MediaMode, p: KrevProduct, hasThumb: boolean, mediaUrl: MediaUrlFactory, local?: ProductLocal | null): Product {
  const ref = hasThumb ? productRef(mode, p.id, 'thumb') : null
  return {
    id: p.id,
    name: p.name,
    imageUrl: p.image_url,
    segmentedImageUrl: p.segmented_image_url ?? null,
    thumbUrl: ref ? mediaUrl(mode, ref.area, ref.id, ref.variant) : null,
    category: p.category,
    metadata: p.metadata ?? {},
    // The contract caps timestamps at 64 characters; Krev's are ~20.
    createdAt: p.created_at.slice(0, 64),
    localName: local?.localName ?? null,
    hidden: local?.hidden ?? false
  }
}
