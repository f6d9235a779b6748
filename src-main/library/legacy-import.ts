import { promises as fs } from 'node:fs'
import { basename } from 'node:path'
import type { MediaMode, MediaStore } from '../media/media-store'
import { legacyAssetsPath, readLegacyAssets } from './legacy-assets-json'
import { moveIntoPlace, type LibraryFolders } from './library-folder'
import type { LibraryIndex } from './library-index'
import { assetBaseName, monthOf, sidecarNameFor } from './library-names'
import type { LibraryRecord } from './library-record'
import { LIBRARY_AREA } from './media-ingest'
import { sidecarOf, writeSidecar } from './sidecar'

/**
 * The one-time import of the JSON library (legacy-assets-json.ts) into the index and the
 * Library folder layout. Each original is moved to its readable name with a sidecar, then
 * indexed in batches; thumbnails stay where they are (the cache path did not change).
 * Re-running is safe: ids already indexed are skipped and an original already moved is
 * found at its new name, so a crash mid-import simply runs it again on the next start.
 * The JSON is kept aside (renamed `.imported-<time>`) only once every record is accounted
 * for: indexed, or its original was already missing before the import.
 */

export interface ImportContext {
  dataDir: string
  folders: LibraryFolders
  index: LibraryIndex
  media: MediaStore
  appVersion: string | null
  now?: () => number
  /** Test hook: called after each asset's files are in place (a crash is simulated by throwing). */
  afterPlaced?: (id: string) => void
}

export type ImportResult =
  | { state: 'none' }
  | { state: 'damaged'; movedTo: string }
  | { state: 'imported'; imported: number; missing: number; unreadable: number; keptAs: string }

const BATCH = 200

export async function importLegacyLibrary(ctx: ImportContext, mode: MediaMode): Promise<ImportResult> {
  const now = ctx.now ?? Date.now
  const file = legacyAssetsPath(ctx.dataDir, mode)
  const read = await readLegacyAssets(ctx.dataDir, mode)
  if (read.state === 'none') return read
  if (read.state === 'damaged') {
    const movedTo = `${file}.damaged-${now()}`
    await fs.rename(file, movedTo)
    return { state: 'damaged', movedTo }
  }
  let missing = 0
  let batch: LibraryRecord[] = []
  const flush = () => {
    const records = batch
    batch = []
    ctx.index.transaction(() => {
      for (const r of records) ctx.index.put(mode, r)
    })
  }
  for (const a of read.assets) {
    if (ctx.index.has(mode, a.id)) continue
    const stored = await ctx.media.resolve({ mode, area: LIBRARY_AREA, id: a.id, variant: 'original' })
    const ext = stored?.ext ?? /\/(\w+)$/.exec(a.mimeType)?.[1]?.replace('jpeg', 'jpg').replace('quicktime', 'mov') ?? 'bin'
    const base = assetBaseName({ id: a.id, createdAt: a.createdAt, prompt: a.prompt }, ext)
    const rel = `${monthOf(a.createdAt)}/${base}.${ext}`
    const target = ctx.folders.abs(mode, rel)
    if (stored) {
      await fs.mkdir(ctx.folders.abs(mode, monthOf(a.createdAt)), { recursive: true })
      await moveIntoPlace(stored.path, target)
    } else if (!(await fs.stat(target).catch(() => null))) {
      // Gone before the import (the old library showed it broken): counted, and the JSON keeps its record.
      missing++
      continue
    }
    const { thumbVariant, ...rest } = a
    const record: LibraryRecord = {
      ...rest,
      productNames: a.productIds.map(() => null),
      approval: 'none',
      filePath: rel,
      sidecarPath: `${monthOf(a.createdAt)}/${sidecarNameFor(base)}`,
      thumbVariant
    }
    await writeSidecar(ctx.folders.abs(mode, record.sidecarPath as string), sidecarOf(record, basename(rel), { appVersion: ctx.appVersion }))
    ctx.afterPlaced?.(a.id)
    batch.push(record)
    if (batch.length >= BATCH) flush()
  }
  if (batch.length > 0) flush()
  const imported = read.assets.filter((a) => ctx.index.has(mode, a.id)).length
  if (imported + missing !== read.assets.length) throw new Error(`library import incomplete: ${imported + missing} of ${read.assets.length}`)
  const keptAs = `${file}.imported-${now()}`
  await fs.rename(file, keptAs)
  return { state: 'imported', imported, missing, unreadable: read.unreadable, keptAs }
}
