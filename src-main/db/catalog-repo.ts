import type { ConnectionMode } from '../../src-preload/contract/values'
import type { Db } from './database'

/**
 * The catalogue cache tables: per mode, when Krev last answered the products list
 * (`catalog_fetches`) and each product in Krev's order as JSON text (`catalog_products`,
 * checked by the cache when read). A save replaces the mode's list in one transaction.
 * Beside them, `product_local` (migration 009): what only the studio knows about a
 * product — the photo's content hash, a local name, a hidden flag — which a refresh
 * never touches.
 */

export type CatalogMode = ConnectionMode

export interface CatalogRows {
  /** Null when this mode was never fetched (no row). */
  fetchedAt: number | null
  products: { id: string; data: string }[]
  known: boolean
}

export interface ProductLocal {
  productId: string
  contentHash: string | null
  localName: string | null
  hidden: boolean
}

export interface CatalogRepo {
  get(mode: CatalogMode): CatalogRows
  /** Replaces the mode's catalogue; `ifAbsent` keeps one already there. */
  replaceSync(mode: CatalogMode, fetchedAt: number | null, products: { id: string; data: string }[], options?: { ifAbsent?: boolean }): void
  locals(mode: CatalogMode): ProductLocal[]
  /** Sets the given fields of one product's local record (created when missing). */
  setLocal(mode: CatalogMode, productId: string, patch: Partial<Omit<ProductLocal, 'productId'>>): ProductLocal
}

interface LocalRow {
  product_id: string
  content_hash: string | null
  local_name: string | null
  hidden: number
}

const fromRow = (r: LocalRow): ProductLocal => ({
  productId: r.product_id,
  contentHash: r.content_hash,
  localName: r.local_name,
  hidden: r.hidden === 1
})

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
  const allLocal = db.prepare('SELECT product_id, content_hash, local_name, hidden FROM product_local WHERE mode = ?')
  const oneLocal = db.prepare('SELECT product_id, content_hash, local_name, hidden FROM product_local WHERE mode = ? AND product_id = ?')
  const writeLocal = db.prepare(
    `INSERT INTO product_local (mode, product_id, content_hash, local_name, hidden) VALUES (@mode, @id, @hash, @name, @hidden)
     ON CONFLICT (mode, product_id) DO UPDATE SET content_hash = @hash, local_name = @name, hidden = @hidden`
  )
  const setLocal = db.transaction((mode: CatalogMode, productId: string, patch: Partial<Omit<ProductLocal, 'productId'>>): ProductLocal => {
    const row = oneLocal.get(mode, productId) as LocalRow | undefined
    const current = row ? fromRow(row) : { productId, contentHash: null, localName: null, hidden: false }
    const next = { ...current, ...patch, productId }
    writeLocal.run({ mode, id: productId, hash: next.contentHash, name: next.localName, hidden: next.hidden ? 1 : 0 })
    return next
  })
  return {
    get(mode) {
      const row = fetch.get(mode) as { fetched_at: number | null } | undefined
      if (!row) return { fetchedAt: null, products: [], known: false }
      return { fetchedAt: row.fetched_at, products: products.all(mode) as { id: string; data: string }[], known: true }
    },
    replaceSync: (mode, fetchedAt, list, options) => replace.immediate(mode, fetchedAt, list, options?.ifAbsent ?? false),
    locals: (mode) => (allLocal.all(mode) as LocalRow[]).map(fromRow),
    setLocal: (mode, productId, patch) => setLocal.immediate(mode, productId, patch)
  }
}
