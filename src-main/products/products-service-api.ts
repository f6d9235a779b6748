import type { Connection, Product } from '../../src-preload/contract'
import type { Logger } from '../core/logger'
import type { KrevClient, KrevProduct } from '../krev/types'
import type { MediaMode, MediaStore } from '../media/media-store'
import type { MediaUrlFactory } from '../media/media-url'
import type { MediaOps } from '../media-worker/media-ops'
import type { CatalogCache } from './catalog-cache'
import type { ProductLocals } from './product-locals'
import type { UploadInput, UploadProgress } from './product-upload'

/** What the products service needs and offers (products-service.ts builds it). */

export interface ProductsConnection {
  mode(): MediaMode
  client(): Promise<KrevClient>
  onChange(listener: (status: Connection) => void): () => void
  reportOnline(online: boolean): void
}

export interface ProductsServiceDeps {
  connection: ProductsConnection
  catalog: CatalogCache
  media: MediaStore
  mediaUrl: MediaUrlFactory
  /** Photo checks and thumbnails: the media worker in the app; in this process when absent (tests). */
  mediaOps?: MediaOps
  emitChanged(items: Product[]): void
  emitProgress(p: UploadProgress): void
  logger?: Logger
  /** Default 5 minutes. */
  staleMs?: number
  now?: () => number
  /** Images downloaded at once. Default 3. */
  concurrency?: number
  /** Local names, hidden flags, content hashes; from `catalog` when absent. */
  locals?: ProductLocals
}

export interface ProductsService {
  list(opts?: { limit?: number; refresh?: boolean }): Promise<{ items: Product[]; total: number }>
  get(id: string): Promise<Product>
  upload(input: UploadInput): Promise<Product>
  refresh(): Promise<{ count: number }>
  /** Sets the local name / hidden flag and announces the list. */
  setLocal(id: string, patch: { localName?: string | null; hidden?: boolean }): Promise<Product>
  /** For the import and the product page: a product Krev just made, a known one, a client. */
  accept(mode: MediaMode, product: KrevProduct): Promise<Product>
  known(mode: MediaMode, id: string): Promise<KrevProduct | null>
  clientFor(mode: MediaMode): Promise<KrevClient>
  readonly locals: ProductLocals
  /** Resolves once background refreshes and downloads have settled (tests, shutdown). */
  idle(): Promise<void>
  dispose(): void
}
