import type { Db } from '../database'

export interface ProductLink {
  id: string
  name: string | null
}

/** The `asset_products` table: which products an asset shows, with their names when it was made. */
export function createAssetProductsRepo(db: Db) {
  const clear = db.prepare('DELETE FROM asset_products WHERE asset_seq = ?')
  const insert = db.prepare('INSERT OR IGNORE INTO asset_products (asset_seq, position, product_id, product_name) VALUES (?, ?, ?, ?)')
  const of = db.prepare('SELECT product_id AS id, product_name AS name FROM asset_products WHERE asset_seq = ? ORDER BY position')
  return {
    replace(seq: number, links: readonly ProductLink[]): void {
      clear.run(seq)
      links.forEach((p, i) => insert.run(seq, i, p.id, p.name))
    },
    of: (seq: number) => of.all(seq) as ProductLink[],
    ofMany(seqs: readonly number[]): Map<number, ProductLink[]> {
      const out = new Map<number, ProductLink[]>()
      if (seqs.length === 0) return out
      const rows = db
        .prepare(
          `SELECT asset_seq AS seq, product_id AS id, product_name AS name FROM asset_products
           WHERE asset_seq IN (${seqs.map(() => '?').join(',')}) ORDER BY asset_seq, position`
        )
        .all(...seqs) as (ProductLink & { seq: number })[]
      for (const { seq, ...link } of rows) out.set(seq, [...(out.get(seq) ?? []), link])
      return out
    }
  }
}

export type AssetProductsRepo = ReturnType<typeof createAssetProductsRepo>
