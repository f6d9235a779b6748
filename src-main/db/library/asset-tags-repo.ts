import type { Db } from '../database'

/** The `asset_tags` table: an asset's tags, in the order the creator gave them. */
export function createAssetTagsRepo(db: Db) {
  const clear = db.prepare('DELETE FROM asset_tags WHERE asset_seq = ?')
  const insert = db.prepare('INSERT OR IGNORE INTO asset_tags (asset_seq, position, tag) VALUES (?, ?, ?)')
  const of = db.prepare('SELECT tag FROM asset_tags WHERE asset_seq = ? ORDER BY position').pluck()
  return {
    replace(seq: number, tags: readonly string[]): void {
      clear.run(seq)
      tags.forEach((tag, i) => insert.run(seq, i, tag))
    },
    of: (seq: number) => of.all(seq) as string[],
    /** Tags of many assets at once (a page of the grid), keyed by seq. */
    ofMany(seqs: readonly number[]): Map<number, string[]> {
      const out = new Map<number, string[]>()
      if (seqs.length === 0) return out
      const rows = db
        .prepare(`SELECT asset_seq AS seq, tag FROM asset_tags WHERE asset_seq IN (${seqs.map(() => '?').join(',')}) ORDER BY asset_seq, position`)
        .all(...seqs) as { seq: number; tag: string }[]
      for (const r of rows) out.set(r.seq, [...(out.get(r.seq) ?? []), r.tag])
      return out
    }
  }
}

export type AssetTagsRepo = ReturnType<typeof createAssetTagsRepo>
