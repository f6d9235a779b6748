import type { ProductLocal } from '../db/catalog-repo'
import type { MediaMode } from '../media/media-store'
import type { CatalogCache } from './catalog-cache'

/**
 * The studio's own facts about products (content hash, local name, hidden), read once
 * per mode from the database and kept in memory, written through on every change. Ids
 * are matched case-insensitively, like the rest of the catalogue.
 */
export interface ProductLocals {
  get(mode: MediaMode, productId: string): ProductLocal | null
  /** The product ids whose photo had this SHA-256. */
  byHash(mode: MediaMode, sha256: string): string[]
  set(mode: MediaMode, productId: string, patch: Partial<Omit<ProductLocal, 'productId'>>): ProductLocal
}

export function createProductLocals(catalog: Pick<CatalogCache, 'locals' | 'setLocal'>): ProductLocals {
  const loaded = new Map<MediaMode, Map<string, ProductLocal>>()
  const of = (mode: MediaMode) => {
    let m = loaded.get(mode)
    if (!m) {
      m = new Map(catalog.locals(mode).map((l) => [l.productId.toLowerCase(), l]))
      loaded.set(mode, m)
    }
    return m
  }
  return {
    get: (mode, productId) => of(mode).get(productId.toLowerCase()) ?? null,
    byHash: (mode, sha256) => [...of(mode).values()].filter((l) => l.contentHash === sha256).map((l) => l.productId),
    set(mode, productId, patch) {
      const current = of(mode).get(productId.toLowerCase())
      const next = catalog.setLocal(mode, current?.productId ?? productId, patch)
      of(mode).set(productId.toLowerCase(), next)
      return next
    }
  }
}
