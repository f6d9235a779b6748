import type { EventPayload } from '../../src-preload/contract'
import type { Logger } from '../core/logger'
import { MEDIA_MODES, type MediaStore } from '../media/media-store'
import { scanLibraryFolder, type ScanContext } from './folder-scan'
import { importLegacyLibrary } from './legacy-import'
import type { LibraryFolders } from './library-folder'
import type { LibraryIndex } from './library-index'

/**
 * What the library does once at start, before answering anything: stale partial downloads
 * swept, the JSON library of earlier versions imported, and after a damaged database the
 * index rebuilt from the sidecars in the Library folder, each with a notice that says so.
 */

export interface StartupContext {
  dataDir: string
  folders: LibraryFolders
  index: LibraryIndex
  media: MediaStore
  appVersion: string | null
  scanCtx: ScanContext
  recovered: boolean
  notice(n: EventPayload<'app.notice'>): void
  logger: Logger
  now: () => number
}

export async function startLibrary(ctx: StartupContext): Promise<void> {
  for (const mode of MEDIA_MODES) {
    await ctx.folders.sweepStaging(mode, ctx.now()).catch(() => undefined)
    try {
      const result = await importLegacyLibrary({ ...ctx, now: ctx.now }, mode)
      if (result.state === 'damaged') {
        ctx.logger.warn('library: damaged records file moved aside', { file: result.movedTo })
        ctx.notice({
          level: 'warning',
          message: 'Your old library list was damaged and couldn\u2019t be read. Krev Studio kept it aside; use “Rebuild library from folder” in Settings to find your files again.'
        })
      } else if (result.state === 'imported') {
        ctx.logger.info('library: imported the JSON library', { mode, ...result })
      }
    } catch (error) {
      // Left as it was: the next start tries again, and nothing has been lost.
      ctx.logger.error('library: import failed, will retry at next start', { mode, error })
    }
  }
  if (ctx.recovered) {
    let indexed = 0
    for (const mode of MEDIA_MODES) indexed += (await scanLibraryFolder(ctx.scanCtx, mode, { full: true }).catch(() => ({ indexed: 0 }))).indexed
    ctx.notice({
      level: 'warning',
      message: `Your library index was damaged, so Krev Studio rebuilt it from the files in your Library folder (${indexed} found). Nothing in the folder was changed.`
    })
  }
}
