import type { ConnectionMode } from '../../src-preload/contract/values'
import type { Db } from './database'

/**
 * The catalogue cache tables: per mode, when Krev last answered the products list
 * (`catalog_fetches`) and each product in Krev's order as JSON text (`catalog_products`,
 * checked by the cache when read). A save replaces the mode's list in one transaction.
 */

export type CatalogMode = ConnectionMode

export interface CatalogRows {
  /** Null when this mode was never fetched (no row). */
  fetchedAt: number | null
  products: { id: string; data: string }[]
  known: boolean
}

export interface CatalogRepo {
  get(mode: CatalogMode): CatalogRows
  /** Replaces the mode's catalogue; `ifAbsent` keeps one already there. */
  replaceSync(mode: CatalogMode, fetchedAt: number | null, products: { id: string; data: string }[], options?: { ifAbsent?: boolean }): void
}

export function createCatalogRepo(db: Db): CatalogRepo {
  const fetch = db.prepare('SELECT fetched_at FROM catalog_fetches WHERE mode = ?')
  const products = db.prepare('SELECT id, data FROM catalog_products WHERE mode = ? ORDER BY position')
  const upsert = db.prepare('INSERT INTO catalog_fetches (mode, fetched_at) VALUES (?, ?) ON CONFLICT (mode) DO UPDATE SET fetched_at = excluded.fetched_at')
  const clear = db.prepare('DELETE FROM catalog_products WHERE mode = ?')
  const add = db.prepare('INSERT INTO catalog_products (mode, position, id, data) VALUES (?, ?, ?, ?)')
  const replace = db.transaction((mode: CatalogMode, fetchedAt: number | null, list: { id: string; data: string }[], ifAbsent: boolean) => {
    if (ifAbsent && fetch.get(mode)) return
    upsert.run(mode, fetchedAt)
    clear.run(mode)
    list.forEach((p, i) => add.run(mode, i, p.id, p.data))
  })
  return {
    get(mode) {
      const row = fetch.get(mode) as { fetched_at: number | null } | undefined
      if (!row) return { fetchedAt: null, products: [], known: false }
      return { fetchedAt: row.fetched_at, products: products.all(mode) as { id: string; data: string }[], known: true }
    },
    replaceSync: (mode, fetchedAt, list, options) => replace.immediate(mode, fetchedAt, list, options?.ifAbsent ?? false)
  }
}
