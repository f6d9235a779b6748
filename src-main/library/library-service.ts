import type { Asset, CommandArgs, CommandOutput, EventPayload } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import { locateFfmpeg } from '../core/locate-ffmpeg'
import { silentLogger, type Logger } from '../core/logger'
import type { Db } from '../db/database'
import type { MediaMode, MediaRef, MediaStore, StoredMedia } from '../media/media-store'
import type { MediaUrlFactory } from '../media/media-url'
import { inProcessMediaOps } from '../media-worker/in-process'
import type { MediaOps } from '../media-worker/media-ops'
import { assetView } from './asset-view'
import { exportFiles } from './library-export'
import { scanLibraryFolder, type ScanProgress } from './folder-scan'
import { startLibrary } from './library-startup'
import { createLibraryFolders } from './library-folder'
import { createLibraryIndex } from './library-index'
import { libraryMediaResolver } from './library-media'
import type { IndexedRecord } from './library-record'
import { LIBRARY_AREA } from './media-ingest'
import { createSidecarWriter } from './sidecar-writer'
import { stageAsset, type MediaSource, type NewAsset, type StagedAsset } from './stage-asset'
import { editedTags } from './tag-edits'
import { dataDirTrash, type Trash } from './trash'
import { trashAssets } from './trash-assets'

export type { MediaSource, NewAsset, StagedAsset }

/**
 * The library: finished outputs, per connection mode. The files live in the Library
 * folder with a sidecar each (the truth); the database holds the index (fast lists,
 * search, edits). Paths never leave main: the renderer gets media URLs, and reveal and
 * export go through host functions.
 */

export interface LibraryHost {
  /** Shows the file in the OS file manager (Electron's shell.showItemInFolder); false when it can't. */
  reveal(path: string): Promise<boolean | void> | boolean | void
  /** Asks where to export; null when the creator cancels. */
  chooseExportFolder(): Promise<string | null>
}

export interface LibraryDeps {
  db: Db
  dataDir: string
  /** The Library folder setting (Krev outputs); sandbox outputs stay under dataDir. */
  libraryDir(): string
  media: MediaStore
  mediaUrl: MediaUrlFactory
  host: LibraryHost
  /** Where deletes go: the OS trash in the app; absent, the data folder's `.trash` (preview, tests). */
  trash?: Trash
  mode(): MediaMode
  emitAdded(asset: Asset): void
  emitChanged(ids: string[]): void
  emitNotice?(notice: EventPayload<'app.notice'>): void
  emitRebuildProgress?(progress: ScanProgress): void
  /** The database was damaged and made afresh: the index is rebuilt from the sidecars. */
  recovered?: boolean
  appVersion?: string
  /** ffmpeg for video posters: undefined finds @ffmpeg-installer's, null means none (tests). */
  ffmpegPath?: string | null
  /** Image decoding and thumbnails: the media worker in the app; in this process when absent (tests). */
  mediaOps?: MediaOps
  logger?: Logger
  /** How long a folder check stays good: lists within it don't stat the folders again. */
  folderCheckMs?: number
  now?: () => number
}

export interface LibraryService {
  /** stage → commitStaged in one transaction → announce. The source file (if any) is the library's afterwards. */
  add(mode: MediaMode, input: NewAsset, source: MediaSource): Promise<Asset>
  /** Files, thumbnail and sidecar in place, nothing indexed (a crash leaves it for the next folder check). */
  stage(mode: MediaMode, input: NewAsset, source: MediaSource): Promise<StagedAsset>
  /** Synchronous inserts; usable inside a caller's db.transaction (it nests). */
  commitStaged(staged: StagedAsset[]): Asset[]
  /** Emits library.added / library.changed for committed assets of the current mode. */
  announce(assets: Asset[]): void
  has(mode: MediaMode, id: string): Promise<boolean>
  list(q: CommandArgs<'library.list'>): Promise<CommandOutput<'library.list'>>
  get(id: string): Promise<Asset>
  /** The assets of these ids that exist, in the order asked. */
  getMany(ids: string[]): Promise<Asset[]>
  update(input: CommandArgs<'library.update'>): Promise<CommandOutput<'library.update'>>
  /** To the trash: file, sidecar and row together; the ones that could not be moved are named. */
  remove(ids: string[]): Promise<CommandOutput<'library.delete'>>
  facets(): Promise<CommandOutput<'library.facets'>>
  reveal(id: string): Promise<CommandOutput<'library.reveal'>>
  exportAssets(ids: string[]): Promise<CommandOutput<'library.export'>>
  /** Reads the whole Library folder of the current mode again (progress through emitRebuildProgress). */
  rebuild(): Promise<CommandOutput<'library.rebuild'>>
  /** Where downloads in progress go: same disk as the Library folder, stale files swept at start. */
  stagingDir(mode: MediaMode): string
  /** Removes temp files a crash left among the library media. */
  sweep(mode: MediaMode): Promise<void>
  /** Library media for the renderer's server (originals through the index). */
  resolveMedia(ref: MediaRef): Promise<StoredMedia | null>
  /** Notices raised at start (an import, a rebuild after damage) for a window that wasn't listening yet. */
  startupNotices(): EventPayload<'app.notice'>[]
  /** Resolves when start-up work and pending sidecar writes are done. */
  idle(): Promise<void>
}

const notFound = () => new AppError('not_found', 'That item is no longer in your library.', { retryable: false })

export function createLibraryService(deps: LibraryDeps): LibraryService {
  const logger = deps.logger ?? silentLogger
  const now = deps.now ?? Date.now
  const index = createLibraryIndex(deps.db)
  const folders = createLibraryFolders(deps.dataDir, deps.libraryDir)
  const ingest = {
    mediaOps: deps.mediaOps ?? inProcessMediaOps(),
    ffmpeg: deps.ffmpegPath === undefined ? locateFfmpeg() : deps.ffmpegPath,
    onPosterFailed: (error: unknown) => logger.warn('library: no poster frame for a video', { error })
  }
  const scanCtx = { folders, index, mediaOps: ingest.mediaOps, hasPosterTool: ingest.ffmpeg !== null }
  const stageCtx = { folders, index, media: deps.media, ingest, appVersion: deps.appVersion ?? null }
  const sidecars = createSidecarWriter(folders, logger)
  const trash = deps.trash ?? dataDirTrash(deps.dataDir)
  const resolveMedia = libraryMediaResolver(index, folders, deps.media, ingest)
  const announced = new WeakMap<Asset, { mode: MediaMode; replaced: boolean }>()
  const checkedAt = new Map<MediaMode, number>()
  const checking = new Map<MediaMode, Promise<unknown>>()
  const notices: EventPayload<'app.notice'>[] = []
  const notice = (n: EventPayload<'app.notice'>) => {
    notices.push(n)
    deps.emitNotice?.(n)
  }

  const view = assetView(deps.mediaUrl)

  const ready = startLibrary({ dataDir: deps.dataDir, folders, index, media: deps.media, appVersion: deps.appVersion ?? null, scanCtx, recovered: deps.recovered === true, notice, logger, now })

  /** The cheap check of the Library folder (folder mtimes), at most once per folderCheckMs. */
  async function fresh(mode: MediaMode): Promise<void> {
    await ready
    const last = checkedAt.get(mode)
    if (last !== undefined && now() - last < (deps.folderCheckMs ?? 2000)) return
    let p = checking.get(mode)
    if (!p) {
      p = scanLibraryFolder(scanCtx, mode)
        .catch((error: unknown) => logger.warn('library: folder check failed', { error }))
        .finally(() => {
          checking.delete(mode)
          checkedAt.set(mode, now())
        })
      checking.set(mode, p)
    }
    await p
  }

  async function find(id: string): Promise<{ mode: MediaMode; record: IndexedRecord }> {
    await ready
    const mode = deps.mode()
    const record = index.get(mode, id)
    if (!record) throw notFound()
    return { mode, record }
  }

  const service: LibraryService = {
    async add(mode, input, source) {
      const staged = await service.stage(mode, input, source)
      const assets = service.commitStaged([staged])
      service.announce(assets)
      return assets[0] as Asset
    },

    async stage(mode, input, source) {
      await ready
      return stageAsset(stageCtx, mode, input, source)
    },

    commitStaged(staged) {
      return index.transaction(() =>
        staged.map((s) => {
          const replaced = index.has(s.mode, s.record.id)
          index.put(s.mode, s.record)
          const out = view(s.mode, s.record)
          announced.set(out, { mode: s.mode, replaced })
          return out
        })
      )
    },

    announce(assets) {
      const current = deps.mode()
      const changed: string[] = []
      for (const a of assets) {
        const meta = announced.get(a)
        if (!meta || meta.mode !== current) continue
        if (meta.replaced) changed.push(a.id)
        else deps.emitAdded(a)
      }
      if (changed.length > 0) deps.emitChanged(changed)
    },

    async has(mode, id) {
      await ready
      return index.has(mode, id)
    },

    async list(q) {
      const mode = deps.mode()
      // A first page is a visit: notice files added or removed outside the app.
      if (!q.cursor) await fresh(mode)
      else await ready
      const page = index.list(mode, q)
      return { items: page.items.map((r) => view(mode, r)), nextCursor: page.nextCursor, total: page.total }
    },

    async get(id) {
      const { mode, record } = await find(id)
      return view(mode, record)
    },

    async getMany(ids) {
      await ready
      const mode = deps.mode()
      return index.getMany(mode, ids).map((r) => view(mode, r))
    },

    async update(input) {
      await ready
      const mode = deps.mode()
      const clean = (list?: string[]) => list?.map((t) => t.trim()).filter((t, i, all) => t && all.indexOf(t) === i)
      const tags = clean(input.tags)
      const addTags = clean(input.addTags) ?? []
      const removeTags = clean(input.removeTags) ?? []
      const approval = input.approval === undefined ? undefined : (input.approval ?? 'none')
      // One row per asset (tags: their rows and the search entry); answered from what was written, not read again.
      const targets = index.relaxedTransaction(() => {
        const found = index.getMany(mode, input.ids)
        for (const r of found) {
          if (input.favorite !== undefined) index.setFavorite(r.seq, (r.favorite = input.favorite))
          if (input.rating !== undefined) index.setRating(r.seq, (r.rating = input.rating))
          if (approval !== undefined) index.setApproval(r.seq, (r.approval = approval))
          const next = editedTags(tags ?? r.tags, addTags, removeTags)
          if (tags || next !== r.tags) index.setTags(r.seq, (r.tags = next))
        }
        return found
      })
      if (targets.length === 0) throw notFound()
      // The sidecars follow a moment later: the index answers at once, the folder keeps the edit for a rebuild.
      for (const r of targets) sidecars.schedule(mode, r)
      deps.emitChanged(targets.map((r) => r.id))
      return { items: targets.map((r) => view(mode, r)) }
    },

    async remove(ids) {
      await ready
      const mode = deps.mode()
      const { result, goneIds } = await trashAssets({ index, folders, media: deps.media, trash, logger }, mode, ids)
      if (goneIds.length > 0) deps.emitChanged(goneIds)
      return result
    },

    async facets() {
      await ready
      return index.facets(deps.mode())
    },

    async reveal(id) {
      const { mode, record } = await find(id)
      const file = await folders.resolveFile(mode, record.filePath)
      // Gone from disk is an answer, not a failure: the renderer offers Rebuild / Remove.
      if (!file) return { revealed: false, reason: 'file_missing' }
      const shown = await deps.host.reveal(file.path)
      return shown === false ? { revealed: false, reason: 'no_file_manager' } : { revealed: true }
    },

    async exportAssets(ids) {
      await ready
      const mode = deps.mode()
      const records = index.getMany(mode, ids)
      if (records.length === 0) throw notFound()
      return exportFiles(records, deps.host, (r) => folders.resolveFile(mode, r.filePath))
    },

    async rebuild() {
      await ready
      const mode = deps.mode()
      const result = await scanLibraryFolder(scanCtx, mode, { full: true, onProgress: (p) => deps.emitRebuildProgress?.(p) })
      checkedAt.set(mode, now())
      if (!result.present) {
        throw new AppError('not_found', 'The Library folder isn\u2019t there. Check the folder in Settings, then try again.', { retryable: true })
      }
      return { indexed: result.indexed, removed: result.removed, total: index.count(mode) }
    },

    stagingDir: (mode) => folders.stagingDir(mode),

    async sweep(mode) {
      await deps.media.sweepTemp(mode, LIBRARY_AREA).catch(() => 0)
    },

    resolveMedia,
    startupNotices: () => [...notices],

    async idle() {
      await ready.catch(() => undefined)
      await sidecars.idle()
    }
  }
  return service
}
