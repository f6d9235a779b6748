import type { Logger } from '../core/logger'
import type { Db } from '../db/database'
import type { EventBus } from '../ipc/event-bus'
import type { MediaStore } from '../media/media-store'
import type { MediaUrlFactory } from '../media/media-url'
import type { MediaOps } from '../media-worker/media-ops'
import { join } from 'node:path'
import { wasMaybeProcessed } from '../krev/errors'
import { inProcessMediaOps } from '../media-worker/in-process'
import { createCatalogCache } from './catalog-cache'
import { createImportService, type ImportService } from './import/import-service'
import { productDetail } from './product-detail'
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
  imports: ImportService
  handlers: ProductsHandlers
  dispose(): void
}

export function createProductsFeature(deps: ProductsFeatureDeps): ProductsFeature {
  const catalog = createCatalogCache(deps.dataDir, (mode) =>
    deps.logger.warn('products: damaged catalogue ignored; it will be fetched again', { mode }), deps.db
  )
  const mediaOps = deps.mediaOps ?? inProcessMediaOps()
  const service = createProductsService({
    connection: deps.connection,
    catalog,
    media: deps.media,
    mediaUrl: deps.mediaUrl,
    mediaOps,
    emitChanged: (items) => deps.bus.emit('products.changed', { items }),
    emitProgress: (p) => deps.bus.emit('products.uploadProgress', p),
    logger: deps.logger
  })
  const mode = () => deps.connection.mode()
  const imports = createImportService({
    stagingDir: join(deps.dataDir, 'import-staging'),
    mode,
    client: (m) => service.clientFor(m),
    accept: (m, product) => service.accept(m, product),
    async knownHash(m, sha256) {
      for (const id of service.locals.byHash(m, sha256)) {
        const known = await service.known(m, id)
        if (known) return { id: known.id, name: service.locals.get(m, known.id)?.localName || known.name }
      }
      return null
    },
    rememberHash: (m, productId, sha256) => void service.locals.set(m, productId, { contentHash: sha256 }),
    mediaOps,
    emit: (batch) => deps.bus.emit('products.importChanged', batch),
    // A POST lost after sending may still have created the product: look again soon.
    maybeCreated: () => void service.refresh().catch(() => undefined),
    wasMaybeProcessed
  })
  const detail = (id: string) => productDetail({ service, media: deps.media, mediaUrl: deps.mediaUrl, mediaOps, mode, logger: deps.logger }, id)
  return {
    service,
    imports,
    handlers: productsHandlers(service, imports, detail),
    dispose: () => {
      imports.dispose()
      service.dispose()
    }
  }
}
