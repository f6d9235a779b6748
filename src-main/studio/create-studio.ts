import { createAccountFeature } from '../account/create-account'
import { createChatFeature } from '../chat/create-chat'
import type { SecretStore } from '../account/secret-store'
import type { Logger } from '../core/logger'
import { EventBus } from '../ipc/event-bus'
import { createRouter, type Handlers, type Router } from '../ipc/router'
import { createKrevClient } from '../krev'
import { openDatabase } from '../db/database'
import { studioDatabasePath } from '../db/studio-database'
import { MIGRATIONS } from '../db/migrations/index'
import { createMediaStore, type MediaStore } from '../media/media-store'
import type { SpawnWorker } from '../media-worker/channel'
import { MediaWorkerClient } from '../media-worker/client'
import type { MediaUrlFactory } from '../media/media-url'
import { createProductsFeature } from '../products/create-products'
import { createQueueFeature } from '../queue/create-queue'
import { createLibraryService } from '../library/library-service'
import type { Trash } from '../library/trash'
import { withLibraryMedia } from '../library/library-media'
import { LIBRARY_AREA } from '../library/media-ingest'
import { dragOutHandler, type StartNativeDrag } from '../desktop/drag-out'
import { createObservableLimiter } from '../queue/shared-limiter'
import type { AgentFactory } from '../krev/http'
import type { JsonStoreOpener } from '../settings/json-store'
import type { SettingsService } from '../settings/settings-service'
import { appHandlers } from './app-handlers'
import { embeddedSandbox } from './embedded-sandbox'
import { notifyBatchOutcomes } from './batch-notifications'
import { notifyJobOutcomes, type Notify } from './job-notifications'

export interface StudioDeps {
  dataDir: string
  version: string
  platform: string
  logger: Logger
  /** electron-store in the app, conf in the preview and tests. */
  settingsOpener: JsonStoreOpener
  /** The OS keychain through keytar, or a store that refuses (memory only). */
  secrets: SecretStore
  openExternal: (url: string) => Promise<void>
  /** How the renderer addresses local media: krev-media: in Electron, /__krev/media in the preview. */
  mediaUrl: MediaUrlFactory
  /** Shows a library file in the OS file manager (false where there is none). */
  revealPath: (path: string) => Promise<boolean | void> | boolean | void
  /** A native drag of library files out of the window (webContents.startDrag); absent in the preview. */
  startDrag?: StartNativeDrag
  /** Asks where to export library files, starting at the Library folder setting; null when cancelled. */
  chooseExportFolder: (defaultPath: string) => Promise<string | null>
  /** Where library deletes go: the OS trash in the app; absent (preview, tests), `<dataDir>/.trash`. */
  trash?: Trash
  /**
   * The Library folder when the creator has not chosen one: `<Pictures>/Krev Studio` in the
   * app (Electron's pictures path, the platform's own). Absent (preview, tests): `<dataDir>/Library`.
   */
  defaultLibraryDir?: string
  /** A desktop notification (Electron's Notification; nothing in the preview). */
  notify: Notify
  /**
   * Native confirmation before the API key is sent to `host`, a Krev address other than the
   * one the key was verified against (dialog.showMessageBox in the app; false in the preview).
   */
  confirmApiBase: (host: string) => Promise<boolean>
  /**
   * How Krev calls reach the network. Default: Node's own agents (the headless studio);
   * the Electron entry passes adapters/electron-net.ts (system proxy, PAC, OS certificates).
   */
  agentFactory?: AgentFactory
  /**
   * The media worker process (Electron's utilityProcess in the app, a Node fork in the
   * headless studio) and its entry module. Absent: image work runs in this process (tests).
   */
  mediaWorker?: { spawn: SpawnWorker; entryPath: string }
  /** The built-in sandbox's own process (same spawners as the media worker) and its entry module. */
  sandboxWorker: { spawn: SpawnWorker; entryPath: string }
  /** Whether KREV_SANDBOX_FAULTS may break the built-in sandbox (never in a packaged app). Default true. */
  sandboxFaultsFromEnv?: boolean
}

export interface Studio {
  router: Router
  bus: EventBus
  /** Local media (product pictures…); the host serves it to the renderer. */
  media: MediaStore
  /** The user's settings: the host follows theme and spellcheck. */
  settings: SettingsService
  /** Re-emits notices raised before the window listened (a damaged settings file…). */
  replayStartupNotices(): void
  dispose(): Promise<void>
}

/**
 * The composition root of main's services, shared by the Electron entry and the headless
 * preview. Everything platform-specific arrives through `deps`; nothing here imports electron.
 */
export async function createStudio(deps: StudioDeps): Promise<Studio> {
  const bus = new EventBus((name, issue) => deps.logger.error('invalid event dropped', { name, issue }))
  const sandbox = embeddedSandbox(deps.dataDir, deps.logger, {
    worker: deps.sandboxWorker,
    faultsFromEnv: deps.sandboxFaultsFromEnv ?? true
  })
  // The one database of the studio (library index, queue ledger, chat, catalogue cache).
  const database = openDatabase(studioDatabasePath(deps.dataDir), { migrations: MIGRATIONS })
  // One gate for every Krev call: after a 429 everybody waits, so a storm has no herd.
  const limiter = createObservableLimiter()
  const account = await createAccountFeature({
    ...(deps.defaultLibraryDir ? { defaultLibraryDir: deps.defaultLibraryDir } : {}),
    opener: deps.settingsOpener,
    secrets: deps.secrets,
    bus,
    logger: deps.logger,
    clientFactory: (opts) =>
      createKrevClient({ ...opts, limiter, appVersion: deps.version, ...(deps.agentFactory ? { agentFactory: deps.agentFactory } : {}) }),
    envApiBase: process.env['KREV_API_BASE'],
    confirmApiBase: deps.confirmApiBase,
    ensureSandbox: () => sandbox.ensure()
  })
  const media = createMediaStore(deps.dataDir)
  // Started on the first image it is given; restarts itself if it dies.
  const mediaWorker = deps.mediaWorker && new MediaWorkerClient({ ...deps.mediaWorker, logger: deps.logger })
  const products = createProductsFeature({
    dataDir: deps.dataDir,
    connection: account.connection,
    media,
    mediaUrl: deps.mediaUrl,
    bus,
    logger: deps.logger,
    db: database.db,
    ...(mediaWorker ? { mediaOps: mediaWorker.ops } : {})
  })
  const library = createLibraryService({
    db: database.db,
    dataDir: deps.dataDir,
    libraryDir: () => account.settings.get().libraryDir,
    recovered: database.recovered !== null,
    appVersion: deps.version,
    media,
    mediaUrl: deps.mediaUrl,
    host: {
      reveal: deps.revealPath,
      chooseExportFolder: () => deps.chooseExportFolder(account.settings.get().libraryDir)
    },
    ...(deps.trash ? { trash: deps.trash } : {}),
    mode: () => account.connection.mode(),
    emitAdded: (asset) => bus.emit('library.added', asset),
    emitChanged: (ids) => bus.emit('library.changed', { ids }),
    emitNotice: (notice) => bus.emit('app.notice', notice),
    emitRebuildProgress: (p) => bus.emit('library.rebuildProgress', p),
    ...(mediaWorker ? { mediaOps: mediaWorker.ops } : {}),
    logger: deps.logger
  })
  const queue = createQueueFeature({
    library,
    connection: account.connection,
    bus,
    dataDir: deps.dataDir,
    settings: account.settings,
    mediaStore: media,
    mediaUrl: deps.mediaUrl,
    host: {
      reveal: deps.revealPath,
      chooseExportFolder: () => deps.chooseExportFolder(account.settings.get().libraryDir)
    },
    onCreditsMaybeChanged: () => void account.account.credits({ refresh: true }).catch(() => undefined),
    balance: {
      cached: () => {
        const c = account.account.cachedCredits()
        return c && { credits: c.current, at: c.fetchedAt }
      },
      fresh: async () => {
        const c = await account.account.credits({ refresh: true })
        return { credits: c.current, at: c.fetchedAt }
      }
    },
    limiter,
    ...(mediaWorker ? { mediaOps: mediaWorker.ops } : {}),
    logger: deps.logger,
    db: database.db
  })
  // A raised (or removed) spending cap lets the jobs waiting on it go at once.
  const stopCapWatch = account.settings.onChange((next, prev) => {
    if (next.sessionSpendCap !== prev.sessionSpendCap) queue.service.spendCapChanged()
    // The Queue screen's "at once" stepper: more jobs start now, not at the next submit.
    if (next.pollConcurrency !== prev.pollConcurrency) queue.service.concurrencyChanged()
  })
  const stopNotifying = notifyJobOutcomes(bus, {
    enabled: () => account.settings.get().notifications,
    notify: deps.notify
  })
  const stopBatchNotes = notifyBatchOutcomes(bus, {
    enabled: () => account.settings.get().notifications,
    notify: deps.notify,
    describe: async (batchId) => {
      const [{ batches }, { jobs }] = await Promise.all([queue.service.batches.list(), queue.service.list()])
      const batch = batches.find((b) => b.id === batchId)
      return batch ? { name: batch.name, jobCount: batch.jobCount, jobs: jobs.filter((j) => j.batchId === batchId) } : null
    },
    onError: (error) => deps.logger.warn('batch notification failed', { error })
  })
  const chat = createChatFeature({
    connection: account.connection,
    bus,
    dataDir: deps.dataDir,
    logger: deps.logger,
    db: database.db,
    // What a chat run generates is followed, downloaded and kept like any job (queue.adopt).
    queue: { adopt: (input) => queue.service.adopt(input), jobs: async () => (await queue.service.list()).jobs },
    onCreditsMaybeChanged: () => void account.account.credits({ refresh: true }).catch(() => undefined),
    library
  })

  const handlers: Handlers = {
    ...appHandlers({
      name: 'Krev Studio',
      version: deps.version,
      platform: deps.platform,
      bus,
      connection: () => account.connectionStatus(),
      openExternal: deps.openExternal
    }),
    ...account.handlers,
    ...products.handlers,
    ...chat.handlers,
    ...queue.handlers,
    'library.startDrag': dragOutHandler({
      resolveFile: async (id) => (await library.resolveMedia({ mode: account.connection.mode(), area: LIBRARY_AREA, id, variant: 'original' }))?.path ?? null,
      startDrag: deps.startDrag
    })
  }
  const router = createRouter(handlers, {
    onInternalError: (name, error) => deps.logger.error('command failed', { name, error })
  })
  // Jobs and chat runs that were still going when the app last closed pick up again.
  void queue.resume().catch((error: unknown) => deps.logger.error('queue: resume failed', { error }))
  void chat.resume().catch((error: unknown) => deps.logger.error('chat: resume failed', { error }))
  return {
    router,
    bus,
    // Library originals are served from the Library folder, found through the index.
    media: withLibraryMedia(media, library.resolveMedia),
    settings: account.settings,
    replayStartupNotices() {
      for (const notice of [...account.startupNotices(), ...library.startupNotices(), ...chat.startupNotices()]) bus.emit('app.notice', notice)
    },
    /** Stops work, then waits until every pending queue, library and chat write is on disk. */
    async dispose() {
      stopCapWatch()
      stopNotifying()
      stopBatchNotes()
      queue.dispose()
      chat.dispose()
      products.dispose()
      account.dispose()
      const settle = (what: string, p: Promise<void>) =>
        p.catch((error: unknown) => deps.logger.error(`${what}: flush on exit failed`, { error }))
      await Promise.all([settle('queue', queue.idle()), settle('library', library.idle()), settle('chat', chat.service.idle()), settle('sandbox', sandbox.close())])
      // Last: an ingest still finishing above needs its worker, and every write its database.
      mediaWorker?.dispose()
      database.db.close()
    }
  }
}
