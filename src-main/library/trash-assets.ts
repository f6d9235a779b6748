import { promises as fs } from 'node:fs'
import type { CommandOutput } from '../../src-preload/contract'
import type { Logger } from '../core/logger'
import type { MediaMode, MediaStore } from '../media/media-store'
import type { LibraryFolders } from './library-folder'
import type { LibraryIndex } from './library-index'
import type { IndexedRecord } from './library-record'
import { LIBRARY_AREA } from './media-ingest'
import type { Trash } from './trash'

export interface TrashContext {
  index: LibraryIndex
  folders: LibraryFolders
  media: MediaStore
  trash: Trash
  logger: Logger
}

/** Why a move failed, in words, without the path (paths never leave main). */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EBUSY') return 'the file is in use'
  if (code === 'EROFS') return 'the disk is read-only'
  if (code === 'ENOSPC') return 'the disk is full'
  return 'the system refused'
}

const exists = (path: string) =>
  fs.lstat(path).then(
    () => true,
    () => false
  )

/**
 * Deletes assets to the trash, one at a time, so what is reported is what happened: an
 * asset whose file could not be moved keeps its row and sidecar and is named in `failed`;
 * the others' rows go in one transaction after their files. The file goes first because it
 * is the asset: once it is in the trash the asset is gone, and a sidecar that then refuses
 * to move is only logged (a sidecar without its file is never indexed again). A crash
 * between a file and its row leaves a row the next folder check drops, never a lost file.
 */
export async function trashAssets(
  ctx: TrashContext,
  mode: MediaMode,
  ids: readonly string[]
): Promise<{ result: CommandOutput<'library.delete'>; goneIds: string[] }> {
  const found = ctx.index.getMany(mode, ids)
  const gone: IndexedRecord[] = []
  const failed: { id: string; message: string }[] = []
  for (const r of found) {
    const file = ctx.folders.abs(mode, r.filePath)
    try {
      // Already deleted outside the app: nothing to move, the row simply goes.
      if (await exists(file)) await ctx.trash.put(file)
    } catch (error) {
      ctx.logger.warn('library: file not moved to the trash', { id: r.id, error })
      failed.push({ id: r.id, message: `Couldn\u2019t move it to the trash: ${reason(error)}.` })
      continue
    }
    gone.push(r)
    if (r.sidecarPath) {
      const sidecar = ctx.folders.abs(mode, r.sidecarPath)
      if (await exists(sidecar)) await ctx.trash.put(sidecar).catch((error: unknown) => ctx.logger.warn('library: sidecar left behind', { id: r.id, error }))
    }
  }
  if (gone.length > 0) {
    ctx.index.transaction(() => {
      for (const r of gone) ctx.index.remove(r.seq)
    })
    for (const r of gone) await ctx.media.remove({ mode, area: LIBRARY_AREA, id: r.id, variant: 'thumb' }).catch(() => undefined)
  }
  return { result: { deleted: gone.length, failed, trash: ctx.trash.kind }, goneIds: gone.map((r) => r.id) }
}
