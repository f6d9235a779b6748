import type { CommandOutput } from '../../src-preload/contract'
import { isAppError } from '../core/app-error'
import type { Logger } from '../core/logger'
import type { MediaMode, MediaStore } from '../media/media-store'
import type { MediaUrlFactory } from '../media/media-url'
import type { MediaOps } from '../media-worker/media-ops'
import { cacheProductOriginal, productRef } from './product-media'
import type { ProductsService } from './products-service'

/**
 * The product page's data: the product and both its pictures as local files. The cut-out
 * is the cached 'image'; the original is fetched once (when Krev made a cut-out, else the
 * 'image' is the original). Offline, whatever is on disk is shown and the rest is null.
 */
export interface ProductDetailDeps {
  service: ProductsService
  media: MediaStore
  mediaUrl: MediaUrlFactory
  mediaOps: MediaOps
  mode(): MediaMode
  logger: Logger
}

export async function productDetail(deps: ProductDetailDeps, id: string): Promise<CommandOutput<'products.detail'>> {
  const mode = deps.mode()
  const product = await deps.service.get(id)
  const krev = await deps.service.known(mode, product.id)
  const hasCutout = !!krev?.segmented_image_url
  if (krev && hasCutout) {
    try {
      const client = await deps.service.clientFor(mode)
      await cacheProductOriginal(krev, { client, media: deps.media, mode, mediaOps: deps.mediaOps })
    } catch (e) {
      deps.logger.info('products: original not cached', { id: product.id, code: isAppError(e) ? e.code : 'error' })
    }
  }
  const local = async (variant: 'image' | 'original') => {
    const ref = productRef(mode, product.id, variant)
    return ref && (await deps.media.resolve(ref)) ? deps.mediaUrl(mode, ref.area, ref.id, ref.variant) : null
  }
  const image = await local('image')
  return { product, originalUrl: hasCutout ? await local('original') : image, cutoutUrl: hasCutout ? image : null }
}
