import type { ConnectionMode } from '../../../src-preload/contract/values'
import type { Db } from '../database'

/**
 * The `assets_fts` full-text table, one row per asset (rowid = assets.seq) over prompt, ad
 * copy, tags and product names, plus the mode (so a count needs no join). Rebuilt for one asset from its rows whenever any of those
 * change, inside the same transaction, so the index never disagrees with the tables.
 */
export function createAssetSearchRepo(db: Db) {
  const drop = db.prepare('DELETE FROM assets_fts WHERE rowid = ?')
  const index = db.prepare(`
    INSERT INTO assets_fts (rowid, mode, prompt, ad_copy, tags, products)
    SELECT a.seq, a.mode, a.prompt,
      coalesce(json_extract(a.ad_copy, '$.headline') || ' ' || json_extract(a.ad_copy, '$.hook') || ' ' ||
        json_extract(a.ad_copy, '$.bodyCopy') || ' ' || json_extract(a.ad_copy, '$.cta'), ''),
      coalesce((SELECT group_concat(tag, ' ') FROM asset_tags WHERE asset_seq = a.seq), ''),
      coalesce((SELECT group_concat(product_name, ' ') FROM asset_products WHERE asset_seq = a.seq), '')
    FROM assets a WHERE a.seq = ?`)
  return {
    reindex(seq: number): void {
      drop.run(seq)
      index.run(seq)
    },
    remove: (seq: number) => void drop.run(seq)
  }
}

export type AssetSearchRepo = ReturnType<typeof createAssetSearchRepo>

/** `terms` within one mode's assets, searched in every column but the mode itself. */
export const modeMatch = (mode: ConnectionMode, terms: string): string => `mode:${mode} AND {prompt ad_copy tags products}: (${terms})`
