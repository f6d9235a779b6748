import type { Db } from '../db/database'
import { createAssetFacetsRepo } from '../db/library/asset-facets-repo'
import { createAssetProductsRepo } from '../db/library/asset-products-repo'
import { createAssetSearchRepo } from '../db/library/asset-search-repo'
import { createAssetTagsRepo } from '../db/library/asset-tags-repo'
import { createAssetsRepo, recordOf, type AssetRow } from '../db/library/assets-repo'
import { createLibraryFoldersRepo } from '../db/library/library-folders-repo'
import type { MediaMode } from '../media/media-store'
import { queryAssets, type LibraryQuery } from './library-query'
import type { IndexedRecord, LibraryRecord } from './library-record'

/**
 * The library's view of the database: the repositories put together so an asset is
 * written whole (row, tags, product links, search entry) or not at all. Every method is
 * synchronous; `transaction` nests (as a savepoint) inside a caller's transaction, so the
 * queue can write a job's completion and its assets as one.
 */
export function createLibraryIndex(db: Db) {
  const assets = createAssetsRepo(db)
  const tags = createAssetTagsRepo(db)
  const products = createAssetProductsRepo(db)
  const search = createAssetSearchRepo(db)
  const folders = createLibraryFoldersRepo(db)
  const facets = createAssetFacetsRepo(db)

  const hydrate = (rows: AssetRow[]): IndexedRecord[] => {
    const seqs = rows.map((r) => r.seq)
    const t = tags.ofMany(seqs)
    const p = products.ofMany(seqs)
    return rows.map((r) => recordOf(r, t.get(r.seq) ?? [], p.get(r.seq) ?? []))
  }

  const put = (mode: MediaMode, record: LibraryRecord): number => {
    const seq = assets.upsert(mode, record)
    tags.replace(seq, record.tags)
    products.replace(
      seq,
      record.productIds.map((id, i) => ({ id, name: record.productNames[i] ?? null }))
    )
    search.reindex(seq)
    return seq
  }

  return {
    db,
    folders,
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    /**
     * A transaction whose commit is not fsynced (synchronous=NORMAL, still atomic and safe
     * from corruption in WAL mode): for what a power cut may roll back without loss, a
     * favourite toggle or a rebuild batch the folder can give again. The queue's writes
     * keep FULL. Inside a caller's transaction it simply joins it.
     */
    relaxedTransaction<T>(fn: () => T): T {
      if (db.inTransaction) return fn()
      db.pragma('synchronous = NORMAL')
      try {
        return db.transaction(fn).immediate()
      } finally {
        db.pragma('synchronous = FULL')
      }
    },
    put,
    get(mode: MediaMode, id: string): IndexedRecord | null {
      const row = assets.get(mode, id)
      return row ? hydrate([row])[0]! : null
    },
    getByPath(mode: MediaMode, filePath: string): IndexedRecord | null {
      const row = assets.getByPath(mode, filePath)
      return row ? hydrate([row])[0]! : null
    },
    has: (mode: MediaMode, id: string) => assets.get(mode, id) !== undefined,
    getMany(mode: MediaMode, ids: readonly string[]): IndexedRecord[] {
      const rows = ids.map((id) => assets.get(mode, id)).filter((r): r is AssetRow => r !== undefined)
      return hydrate(rows)
    },
    inDir: assets.inDir,
    count: assets.count,
    list(mode: MediaMode, q: LibraryQuery) {
      const page = queryAssets(db, mode, q)
      return { items: hydrate(page.rows), nextCursor: page.nextCursor, total: page.total }
    },
    /** Deletes the row; tags and product links go with it (foreign keys cascade). */
    remove(seq: number): void {
      search.remove(seq)
      assets.remove(seq)
    },
    setFavorite: assets.setFavorite,
    setRating: assets.setRating,
    setApproval: assets.setApproval,
    facets: (mode: MediaMode) => ({ tags: facets.tags(mode), products: facets.products(mode) }),
    setTags(seq: number, list: readonly string[]): void {
      tags.replace(seq, list)
      search.reindex(seq)
    }
  }
}

export type LibraryIndex = ReturnType<typeof createLibraryIndex>
