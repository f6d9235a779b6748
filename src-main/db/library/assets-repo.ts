import type { Db } from '../database'
import type { MediaMode } from '../../media/media-store'
import { dirOf, type Approval, type IndexedRecord, type LibraryRecord } from '../../library/library-record'

/**
 * The `assets` table: one row per library asset and mode. Tags and product links live in
 * their own tables (asset-tags-repo, asset-products-repo); this repository never touches
 * them, so a favourite toggle writes exactly one row.
 */

export interface AssetRow {
  seq: number
  mode: MediaMode
  id: string
  kind: LibraryRecord['kind']
  job_id: string | null
  generation_id: string | null
  prompt: string
  aspect_ratio: string
  width: number
  height: number
  duration_sec: number | null
  bytes: number
  mime_type: string
  ad_copy: string | null
  created_at: string
  favorite: number
  rating: number
  approval: Approval
  dir: string
  file_path: string
  sidecar_path: string | null
  thumb_variant: 'thumb' | 'original'
}

export type AssetFields = Omit<LibraryRecord, 'tags' | 'productIds' | 'productNames'>

/** A row plus its children as a record. */
export function recordOf(row: AssetRow, tags: string[], products: { id: string; name: string | null }[]): IndexedRecord {
  return {
    seq: row.seq,
    mode: row.mode,
    id: row.id,
    kind: row.kind,
    jobId: row.job_id,
    generationId: row.generation_id,
    prompt: row.prompt,
    aspectRatio: row.aspect_ratio,
    width: row.width,
    height: row.height,
    durationSec: row.duration_sec,
    bytes: row.bytes,
    mimeType: row.mime_type,
    adCopy: row.ad_copy ? (JSON.parse(row.ad_copy) as LibraryRecord['adCopy']) : null,
    createdAt: row.created_at,
    favorite: row.favorite === 1,
    rating: row.rating,
    approval: row.approval,
    filePath: row.file_path,
    sidecarPath: row.sidecar_path,
    thumbVariant: row.thumb_variant,
    tags,
    productIds: products.map((p) => p.id),
    productNames: products.map((p) => p.name)
  }
}

export function createAssetsRepo(db: Db) {
  const upsert = db.prepare(`
    INSERT INTO assets (mode, id, kind, job_id, generation_id, prompt, aspect_ratio, width, height, duration_sec, bytes,
      mime_type, ad_copy, created_at, favorite, rating, approval, dir, file_path, sidecar_path, thumb_variant)
    VALUES (@mode, @id, @kind, @job_id, @generation_id, @prompt, @aspect_ratio, @width, @height, @duration_sec, @bytes,
      @mime_type, @ad_copy, @created_at, @favorite, @rating, @approval, @dir, @file_path, @sidecar_path, @thumb_variant)
    ON CONFLICT (mode, id) DO UPDATE SET kind = excluded.kind, job_id = excluded.job_id, generation_id = excluded.generation_id,
      prompt = excluded.prompt, aspect_ratio = excluded.aspect_ratio, width = excluded.width, height = excluded.height,
      duration_sec = excluded.duration_sec, bytes = excluded.bytes, mime_type = excluded.mime_type, ad_copy = excluded.ad_copy,
      created_at = excluded.created_at, favorite = excluded.favorite, rating = excluded.rating, approval = excluded.approval,
      dir = excluded.dir, file_path = excluded.file_path, sidecar_path = excluded.sidecar_path, thumb_variant = excluded.thumb_variant
    RETURNING seq`)
  const byId = db.prepare('SELECT * FROM assets WHERE mode = ? AND id = ?')
  const byPath = db.prepare('SELECT * FROM assets WHERE mode = ? AND file_path = ?')
  const inDir = db.prepare('SELECT seq, id, file_path FROM assets WHERE mode = ? AND dir = ?')
  const bySeq = db.prepare('SELECT * FROM assets WHERE seq = ?')
  const remove = db.prepare('DELETE FROM assets WHERE seq = ?')
  const count = db.prepare('SELECT count(*) AS n FROM assets WHERE mode = ?').pluck()
  const setFavorite = db.prepare('UPDATE assets SET favorite = ? WHERE seq = ?')
  const setRating = db.prepare('UPDATE assets SET rating = ? WHERE seq = ?')
  const setApproval = db.prepare('UPDATE assets SET approval = ? WHERE seq = ?')

  return {
    /** Inserts or replaces by (mode, id); answers the row's seq. */
    upsert(mode: MediaMode, a: AssetFields): number {
      return (
        upsert.get({
          mode,
          id: a.id,
          kind: a.kind,
          job_id: a.jobId,
          generation_id: a.generationId,
          prompt: a.prompt,
          aspect_ratio: a.aspectRatio,
          width: a.width,
          height: a.height,
          duration_sec: a.durationSec,
          bytes: a.bytes,
          mime_type: a.mimeType,
          ad_copy: a.adCopy ? JSON.stringify(a.adCopy) : null,
          created_at: a.createdAt,
          favorite: a.favorite ? 1 : 0,
          rating: a.rating,
          approval: a.approval,
          dir: dirOf(a.filePath),
          file_path: a.filePath,
          sidecar_path: a.sidecarPath,
          thumb_variant: a.thumbVariant
        }) as { seq: number }
      ).seq
    },
    get: (mode: MediaMode, id: string) => byId.get(mode, id) as AssetRow | undefined,
    getBySeq: (seq: number) => bySeq.get(seq) as AssetRow | undefined,
    getByPath: (mode: MediaMode, filePath: string) => byPath.get(mode, filePath) as AssetRow | undefined,
    /** The rows whose file is directly in `dir` (the folder check compares them with what is on disk). */
    inDir: (mode: MediaMode, dir: string) => inDir.all(mode, dir) as Pick<AssetRow, 'seq' | 'id' | 'file_path'>[],
    remove: (seq: number) => void remove.run(seq),
    count: (mode: MediaMode) => count.get(mode) as number,
    setFavorite: (seq: number, favorite: boolean) => void setFavorite.run(favorite ? 1 : 0, seq),
    setRating: (seq: number, rating: number) => void setRating.run(rating, seq),
    setApproval: (seq: number, approval: Approval) => void setApproval.run(approval, seq)
  }
}

export type AssetsRepo = ReturnType<typeof createAssetsRepo>
