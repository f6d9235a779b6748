import { join } from 'node:path'
import { silentLogger, type Logger } from '../core/logger'
import type { EventBus } from '../ipc/event-bus'
import { defaultSleep } from '../krev/retry'
import type { Db } from '../db/database'
import { sharedStudioDatabase } from '../db/studio-database'
import { libraryHandlers, type LibraryHandlers } from '../library/library-handlers'
import type { MediaOps } from '../media-worker/media-ops'
import { createLibraryService, type LibraryHost, type LibraryService } from '../library/library-service'
import type { MediaStore } from '../media/media-store'
import type { MediaUrlFactory } from '../media/media-url'
import type { Settings } from '../../src-preload/contract'
import { DEFAULT_POLL_TIMING, type PollTiming, type Sleep } from './generation-poller'
import { createBatchesRepo } from '../db/batches-repo'
import { batchHandlers, type BatchHandlers } from './batch-handlers'
import { createJobStore } from './job-store'
import type { QueueMode } from './job-model'
import { createPauseStore } from './pause-store'
import { outputUrlHandlers, type OutputUrlHandlers } from '../create/output-url-handlers'
import { queueHandlers, type QueueHandlers } from './queue-handlers'
import { createProgressThrottle } from './progress-throttle'
import { createQueueService, type QueueConnection, type QueueService, type QueueServiceDeps } from './queue-service'
import type { BalanceSource } from './queue-types'
import { createObservableLimiter, type ObservableLimiter } from './shared-limiter'

/** Wires the queue and the library for the composition root (create-studio.ts). Never imports electron. */
export interface QueueFeatureDeps {
  /** The account feature's ConnectionService (or anything shaped like it). */
  connection: QueueConnection
  bus: EventBus
  /** The data folder: the database, thumbnails; jobs of before are imported from `<dataDir>/queue/`. */
  dataDir: string
  /**
   * The library, built at the composition root (create-studio.ts). Absent (tests): one is
   * built here over `db` and `libraryDir`.
   */
  library?: LibraryService
  /** Where Krev outputs go when the library is built here; default `<dataDir>/Library`. */
  libraryDir?: () => string
  settings: { get(): Pick<Settings, 'downloadConcurrency' | 'pollConcurrency'> & Partial<Pick<Settings, 'sessionSpendCap'>> }
  mediaStore: MediaStore
  mediaUrl: MediaUrlFactory
  host: LibraryHost
  /** A job was charged, refunded or may have been: the account feature refreshes the balance. */
  onCreditsMaybeChanged: () => void
  /**
   * The account's balance (cached and fresh), for an unknown outcome's "before" and "after".
   * Absent: no cached one, and a fresh GET /credits through the connection's client.
   */
  balance?: BalanceSource
  /**
   * The app's shared limiter, also given to the Krev client factory so the client's own
   * 429 retries wait in it and the queue can show when jobs resume. Created here if absent.
   */
  limiter?: ObservableLimiter
  /**
   * Where a mode's partial downloads are streamed before the library takes them: on the
   * library's disk, so the hand-over is a rename. Default: the library's staging folder.
   */
  stagingDir?: (mode: QueueMode) => string
  logger?: Logger
  now?: () => number
  /** Injected by tests so polling, backoff and probes need no real waiting. */
  sleep?: Sleep
  timing?: Partial<PollTiming>
  /** The pollers' jitter (tests make it predictable). */
  random?: () => number
  /** ffmpeg for video posters: undefined finds the bundled one, null means none. */
  ffmpegPath?: string | null
  /** Image decoding for the library: the media worker (create-studio); in process when absent. */
  mediaOps?: MediaOps
  /** The studio's database (create-studio); absent: the one in `dataDir`, shared by its stores. */
  db?: Db
}

export interface QueueFeature {
  handlers: QueueHandlers & BatchHandlers & LibraryHandlers & OutputUrlHandlers
  /** Loads the current mode's jobs and resumes every unfinished one (call once at start). */
  resume(): Promise<void>
  dispose(): void
  /** Resolves when no job is being worked on and every write is done (tests, shutdown). */
  idle(): Promise<void>
  service: QueueService
  library: LibraryService
}

export function createQueueFeature(deps: QueueFeatureDeps): QueueFeature {
  const logger = deps.logger ?? silentLogger
  const now = deps.now ?? Date.now
  const sleep = deps.sleep ?? defaultSleep
  const library = deps.library ?? libraryFromDeps(deps, logger)
  const onDamagedJob = (where: string) => logger.warn('queue: unreadable job skipped', { where })
  // One connection for the ledger and the library: a finished job and its assets commit together.
  const db = deps.db ?? sharedStudioDatabase(deps.dataDir)
  const jobs = createJobStore(deps.dataDir, onDamagedJob, db)
  // One limiter for every job: a 429 on one POST holds all of them (Krev limits per user).
  const limiter = deps.limiter ?? createObservableLimiter({ now, sleep })
  const progress = createProgressThrottle((p: Parameters<QueueServiceDeps['emitProgress']>[0]) => deps.bus.emit('generation.progress', p))
  const service = createQueueService({
    connection: deps.connection,
    store: jobs,
    batches: createBatchesRepo(db),
    pauseStore: createPauseStore(deps.dataDir, db, onDamagedJob),
    library,
    transaction: (fn) => db.transaction(fn).immediate(),
    stagingDir: deps.stagingDir ?? ((mode) => library.stagingDir(mode)),
    limiter,
    concurrency: () => {
      const s = deps.settings.get()
      return { poll: s.pollConcurrency, download: s.downloadConcurrency }
    },
    spendCap: () => deps.settings.get().sessionSpendCap ?? 0,
    emitJob: (job) => {
      progress.supersede(job.id)
      deps.bus.emit('queue.job', job)
    },
    emitRemoved: (jobId) => {
      progress.supersede(jobId)
      deps.bus.emit('queue.removed', { jobId })
    },
    emitState: (state) => deps.bus.emit('queue.state', state),
    emitProgress: (p) => progress.push(p),
    onCreditsMaybeChanged: () => {
      try {
        deps.onCreditsMaybeChanged()
      } catch (e) {
        logger.warn('queue: credits refresh failed', { error: e })
      }
    },
    balance: deps.balance ?? {
      cached: () => null,
      fresh: async () => {
        const current = (await (await deps.connection.client()).credits()).credits?.current
        return { credits: typeof current === 'number' && Number.isFinite(current) ? current : 0, at: new Date(now()).toISOString() }
      }
    },
    sleep,
    timing: { ...DEFAULT_POLL_TIMING, ...deps.timing },
    ...(deps.random ? { random: deps.random } : {}),
    now,
    logger
  })
  // Every balance the account learns (a refresh, a top-up) may let a job waiting for credits go.
  const stopBalanceWatch = deps.bus.subscribe((name, payload) => {
    if (name === 'credits.changed') service.balanceChanged((payload as { current: number }).current)
  })
  return {
    handlers: {
      ...queueHandlers(service),
      ...batchHandlers(service),
      ...libraryHandlers(library),
      ...outputUrlHandlers({ library, service, store: jobs, connection: deps.connection })
    },
    resume: () => service.start(),
    dispose: () => {
      stopBalanceWatch()
      service.dispose()
      progress.dispose()
    },
    idle: async () => {
      await service.idle()
      await library.idle()
    },
    service,
    library
  }
}

/** A library for a queue feature used on its own (tests, tools): the composition root passes its own. */
function libraryFromDeps(deps: QueueFeatureDeps, logger: Logger): LibraryService {
  return createLibraryService({
    db: deps.db ?? sharedStudioDatabase(deps.dataDir),
    dataDir: deps.dataDir,
    libraryDir: deps.libraryDir ?? (() => join(deps.dataDir, 'Library')),
    recovered: false,
    media: deps.mediaStore,
    mediaUrl: deps.mediaUrl,
    host: deps.host,
    mode: () => deps.connection.mode(),
    emitAdded: (asset) => deps.bus.emit('library.added', asset),
    emitChanged: (ids) => deps.bus.emit('library.changed', { ids }),
    emitNotice: (notice) => deps.bus.emit('app.notice', notice),
    emitRebuildProgress: (p) => deps.bus.emit('library.rebuildProgress', p),
    ...(deps.ffmpegPath !== undefined ? { ffmpegPath: deps.ffmpegPath } : {}),
    ...(deps.mediaOps ? { mediaOps: deps.mediaOps } : {}),
    logger
  })
}
