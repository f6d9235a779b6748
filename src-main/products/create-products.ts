import type { Logger } from '../core/logger'
import type { Db } from '../db/database'
import type { EventBus } from '../ipc/event-bus'
import type { MediaStore } from '../media/media-store'
import type { MediaUrlFactory } from '../media/media-url'
import type { MediaOps } from '../media-worker/media-ops'
import { createCatalogCache } from './catalog-cache'
import { productsHandlers, type ProductsHandlers } from './products-handlers'
import { createProductsService, type ProductsConnection, type ProductsService } from './products-service'

/** Wires the products feature for the composition root (create-studio.ts). */
export interface ProductsFeatureDeps {
  dataDir: string
  connection: ProductsConnection
  media: MediaStore
  /** krev-media: in Electron, /__krev/media in the preview. */
  mediaUrl: MediaUrlFactory
  bus: EventBus
  logger: Logger
  /** The studio's database (create-studio); absent: the one in `dataDir`. */
  db?: Db
  /** Photo checks and thumbnails in the media worker; in this process when absent (tests). */
  mediaOps?: MediaOps
}

export interface ProductsFeature {
  service: ProductsService
  handlers: ProductsHandlers
  dispose(): void
}

export function createProductsFeature(deps: ProductsFeatureDeps): ProductsFeature {
  const catalog = createCatalogCache(deps.dataDir, (mode) =>
    deps.logger.warn('products: damaged catalogue ignored; it will be fetched again', { mode }), deps.db
  )
  const service = createProductsService({
    connection: deps.connection,
    catalog,
    media: deps.media,
    mediaUrl: deps.mediaUrl,
    ...(deps.mediaOps ? { mediaOps: deps.mediaOps } : {}),
    emitChanged: (items) => deps.bus.emit('products.changed', { items }),
    emitProgress: (p) => deps.bus.emit('products.uploadProgress', p),
    logger: deps.logger
  })
  return { service, handlers: productsHandlers(service), dispose: () => service.dispose() }
}
