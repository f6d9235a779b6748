import { constants as fsc, promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { Asset, CommandArgs, CommandOutput } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import { silentLogger, type Logger } from '../core/logger'
import type { MediaMode, MediaStore } from '../media/media-store'
import type { MediaUrlFactory } from '../media/media-url'
import type { AssetStore, StoredAsset } from './asset-store'
import { exportName, numbered } from './export-names'
import { queryAssets } from './library-query'
import { ingestMedia, LIBRARY_AREA, removeMedia } from './media-ingest'
import { locateFfmpeg } from '../core/locate-ffmpeg'
import { inProcessMediaOps } from '../media-worker/in-process'
import type { MediaOps } from '../media-worker/media-ops'

/**
 * The library: finished outputs on this machine, per connection mode. Assets are added by
 * the queue (`add`), browsed and edited by the renderer. Paths never leave main: the
 * renderer gets media URLs, and reveal/export go through host functions.
 */

export interface LibraryHost {
  /** Shows the file in the OS file manager (Electron's shell.showItemInFolder); false when it can't. */
  reveal(path: string): Promise<boolean | void> | boolean | void
  /** Asks where to export; null when the creator cancels. */
  chooseExportFolder(): Promise<string | null>
}

/** Downloaded media: in memory, or a complete file on the library's disk. */
export type MediaSource = Buffer | { file: string }

export type NewAsset = Omit<StoredAsset, 'width' | 'height' | 'bytes' | 'mimeType' | 'thumbVariant' | 'favorite' | 'rating' | 'tags'>

export interface LibraryDeps {
  store: AssetStore
  media: MediaStore
  mediaUrl: MediaUrlFactory
  host: LibraryHost
  mode(): MediaMode
  emitAdded(asset: Asset): void
  emitChanged(ids: string[]): void
  /** ffmpeg for video posters: undefined finds @ffmpeg-installer's, null means none (tests). */
  ffmpegPath?: string | null
  /** Image decoding and thumbnails: the media worker in the app; in this process when absent (tests). */
  mediaOps?: MediaOps
  logger?: Logger
}

export interface LibraryService {
  /**
   * Saves the media and the record; replaces an earlier copy with the same id. The media is
   * the bytes, or a finished file (a streamed download) whose ownership passes to the
   * library: it is moved in or deleted, whatever the outcome.
   */
  add(mode: MediaMode, input: NewAsset, source: MediaSource): Promise<Asset>
  has(mode: MediaMode, id: string): Promise<boolean>
  list(q: CommandArgs<'library.list'>): Promise<CommandOutput<'library.list'>>
  get(id: string): Promise<Asset>
  /** The assets of these ids that exist, in the order asked. */
  getMany(ids: string[]): Promise<Asset[]>
  update(input: CommandArgs<'library.update'>): Promise<CommandOutput<'library.update'>>
  remove(ids: string[]): Promise<CommandOutput<'library.delete'>>
  reveal(id: string): Promise<CommandOutput<'library.reveal'>>
  exportAssets(ids: string[]): Promise<CommandOutput<'library.export'>>
  /** Removes temp files a crash left among the library media. */
  sweep(mode: MediaMode): Promise<void>
}

const notFound = () => new AppError('not_found', 'That item is no longer in your library.', { retryable: false })

export function createLibraryService(deps: LibraryDeps): LibraryService {
  const { store, media } = deps
  const logger = deps.logger ?? silentLogger
  const ingestOptions = {
    mediaOps: deps.mediaOps ?? inProcessMediaOps(),
    ffmpeg: deps.ffmpegPath === undefined ? locateFfmpeg() : deps.ffmpegPath,
    onPosterFailed: (error: unknown) => logger.warn('library: no poster frame for a video', { error })
  }

  const view = (mode: MediaMode, a: StoredAsset): Asset => {
    const { thumbVariant, ...rest } = a
    return {
      ...rest,
      mediaUrl: deps.mediaUrl(mode, LIBRARY_AREA, a.id, 'original'),
      thumbUrl: deps.mediaUrl(mode, LIBRARY_AREA, a.id, thumbVariant)
    }
  }

  async function find(id: string): Promise<{ mode: MediaMode; asset: StoredAsset }> {
    const mode = deps.mode()
    const asset = (await store.all(mode)).get(id)
    if (!asset) throw notFound()
    return { mode, asset }
  }

  async function originalPath(mode: MediaMode, id: string): Promise<string> {
    const stored = await media.resolve({ mode, area: LIBRARY_AREA, id, variant: 'original' })
    if (!stored) throw new AppError('not_found', 'This file is missing from the library folder.', { retryable: false })
    return stored.path
  }

  return {
    async add(mode, input, source) {
      let data: Buffer
      if (Buffer.isBuffer(source)) data = source
      else {
        try {
          data = await fs.readFile(source.file)
        } finally {
          await fs.rm(source.file, { force: true }).catch(() => undefined)
        }
      }
      const map = await store.all(mode)
      const previous = map.get(input.id)
      const saved = await ingestMedia(media, mode, input.id, data, input.aspectRatio, ingestOptions)
      const asset: StoredAsset = {
        ...input,
        ...saved,
        favorite: previous?.favorite ?? false,
        rating: previous?.rating ?? 0,
        tags: previous?.tags ?? []
      }
      map.set(asset.id, asset)
      try {
        await store.save(mode)
      } catch (error) {
        map.delete(asset.id)
        await removeMedia(media, mode, asset.id).catch(() => undefined)
        throw error
      }
      const out = view(mode, asset)
      if (mode === deps.mode()) {
        if (previous) deps.emitChanged([asset.id])
        else deps.emitAdded(out)
      }
      return out
    },

    has: async (mode, id) => (await store.all(mode)).has(id),

    async list(q) {
      const mode = deps.mode()
      const page = queryAssets((await store.all(mode)).values(), q)
      return { items: page.items.map((a) => view(mode, a)), nextCursor: page.nextCursor, total: page.total }
    },

    async get(id) {
      const { mode, asset } = await find(id)
      return view(mode, asset)
    },

    async getMany(ids) {
      const mode = deps.mode()
      const map = await store.all(mode)
      return ids.flatMap((id) => {
        const a = map.get(id)
        return a ? [view(mode, a)] : []
      })
    },

    async update(input) {
      const mode = deps.mode()
      const map = await store.all(mode)
      const targets = input.ids.map((id) => map.get(id)).filter((a): a is StoredAsset => a !== undefined)
      if (targets.length === 0) throw notFound()
      const tags = input.tags?.map((t) => t.trim()).filter((t, i, all) => t && all.indexOf(t) === i)
      for (const a of targets) {
        if (input.favorite !== undefined) a.favorite = input.favorite
        if (input.rating !== undefined) a.rating = input.rating
        if (tags) a.tags = tags
      }
      await store.save(mode)
      deps.emitChanged(targets.map((a) => a.id))
      return { items: targets.map((a) => view(mode, a)) }
    },

    async remove(ids) {
      const mode = deps.mode()
      const map = await store.all(mode)
      const gone = ids.filter((id) => map.has(id))
      for (const id of gone) map.delete(id)
      if (gone.length === 0) return { deleted: 0 }
      await store.save(mode)
      // Records first: a crash between the two leaves orphan files, never broken records.
      for (const id of gone) await removeMedia(media, mode, id).catch(() => undefined)
      deps.emitChanged(gone)
      return { deleted: gone.length }
    },

    async reveal(id) {
      const { mode } = await find(id)
      const shown = await deps.host.reveal(await originalPath(mode, id))
      return { revealed: shown !== false }
    },

    async exportAssets(ids) {
      const mode = deps.mode()
      const map = await store.all(mode)
      const assets = ids.map((id) => map.get(id)).filter((a): a is StoredAsset => a !== undefined)
      if (assets.length === 0) throw notFound()
      const folder = await deps.host.chooseExportFolder()
      if (!folder) return { exported: 0, folder: null }
      // The Library folder setting may name a folder that does not exist yet.
      await fs.mkdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw new AppError('io', `Couldn\u2019t create the export folder (${error.code ?? 'error'}).`, { retryable: true })
      })
      let exported = 0
      for (const a of assets) {
        const source = await media.resolve({ mode, area: LIBRARY_AREA, id: a.id, variant: 'original' })
        if (!source) continue
        const name = exportName(a, source.ext)
        // COPYFILE_EXCL: an existing file in the chosen folder is never overwritten.
        for (let n = 1; n < 1000; n++) {
          try {
            await fs.copyFile(source.path, join(folder, n === 1 ? name : numbered(name, n)), fsc.COPYFILE_EXCL)
            exported++
            break
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
              throw new AppError('io', `Couldn\u2019t export to that folder (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, {
                retryable: true
              })
            }
          }
        }
      }
      return { exported, folder }
    },

    async sweep(mode) {
      await media.sweepTemp(mode, LIBRARY_AREA).catch(() => 0)
    }
  }
}
