import type { Db } from '../database'
import type { MediaMode } from '../../media/media-store'

/**
 * The tags and products a mode's assets carry, most used first: what the Library's filter
 * menus offer. Capped, so a library with 10k distinct tags still answers one small list;
 * a group over the child tables' indexes, a few ms at 100k assets.
 */
const MAX_FACETS = 100

export function createAssetFacetsRepo(db: Db) {
  const tags = db.prepare(`
    SELECT t.tag AS name, count(*) AS count FROM asset_tags t JOIN assets a ON a.seq = t.asset_seq
    WHERE a.mode = ? GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT ${MAX_FACETS}`)
  const products = db.prepare(`
    SELECT p.product_id AS id, max(p.product_name) AS name, count(*) AS count FROM asset_products p JOIN assets a ON a.seq = p.asset_seq
    WHERE a.mode = ? GROUP BY p.product_id ORDER BY count DESC, name LIMIT ${MAX_FACETS}`)
  return {
    tags: (mode: MediaMode) => tags.all(mode) as { name: string; count: number }[],
    products: (mode: MediaMode) => products.all(mode) as { id: string; name: string | null; count: number }[]
  }
}
