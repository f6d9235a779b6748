import { silentLogger, type Logger } from '../core/logger'
import type { Db } from '../db/database'
import { createChatGenerationsRepo } from '../db/chat-generations-repo'
import { sharedStudioDatabase } from '../db/studio-database'
import type { AdoptInput } from '../queue/adopt-generation'
import type { Asset, Job } from '../../src-preload/contract'
import { libraryReferenceUrl } from './library-reference'
import { createDeliveries } from './chat-deliveries'
import type { EventBus } from '../ipc/event-bus'
import { defaultSleep } from '../krev/retry'
import type { Notice } from '../settings/json-store'
import { chatHandlers, type ChatHandlers } from './chat-handlers'
import { createChatService, type ChatConnection, type ChatService } from './chat-service'
import type { KrevClient } from '../krev/types'
import { createChatStore } from './chat-store'
import type { PollTiming, Sleep } from './poll-loop'

/** Wires the chat feature for the composition root (create-studio.ts). Never imports electron. */
export interface ChatFeatureDeps {
  /** The account feature's ConnectionService (or anything shaped like it). */
  connection: ChatConnection
  bus: EventBus
  /** Where the database is when `db` is absent, and where chats of before are imported from. */
  dataDir: string
  logger?: Logger
  now?: () => number
  /** Injected by tests so polling needs no real waiting. */
  sleep?: Sleep
  timing?: Partial<PollTiming>
  /** How long opening a conversation waits for Krev before showing the saved copy. Default 5 s. */
  refreshTimeoutMs?: number
  /** The studio's database (create-studio); absent: the one in `dataDir`. */
  db?: Db
  /** The queue: the generations runs report become its jobs (absent: they are only listed). */
  queue?: { adopt(input: AdoptInput): Promise<Job>; jobs(): Promise<Job[]> }
  /** A run started generations (Krev charged for them): the account refreshes its balance. */
  onCreditsMaybeChanged?(): void
  /** The Library, for outputs sent as reference images (library-reference.ts). */
  library?: { get(id: string): Promise<Asset> }
}

export interface ChatFeature {
  handlers: ChatHandlers
  /** Picks up every run left queued/running (call once at start; safe to call again). */
  resume(): Promise<void>
  /** Notices raised before the window listened (a damaged chat file…): re-emit once it is up. */
  startupNotices(): Notice[]
  dispose(): void
  /** For tests and shutdown: resolves when pollers have stopped and saves are written. */
  service: ChatService
}

export function createChatFeature(deps: ChatFeatureDeps): ChatFeature {
  const logger = deps.logger ?? silentLogger
  const early: Notice[] = []
  const onNotice = (n: Notice): void => {
    if (early.length < 10) early.push(n)
    logger.warn('chat notice', { level: n.level, message: n.message })
    deps.bus.emit('app.notice', n)
  }
  const db = deps.db ?? sharedStudioDatabase(deps.dataDir)
  const queue = deps.queue
  const deliveries = queue
    ? createDeliveries({
        repo: createChatGenerationsRepo(db),
        adopt: (input) => queue.adopt(input),
        jobs: () => queue.jobs(),
        now: () => new Date((deps.now ?? Date.now)()).toISOString(),
        ...(deps.onCreditsMaybeChanged ? { onCharged: deps.onCreditsMaybeChanged } : {}),
        logger
      })
    : undefined
  const library = deps.library
  const service = createChatService({
    ...(deliveries ? { deliveries } : {}),
    ...(library ? { referenceUrlOf: async (id: string, client: KrevClient) => libraryReferenceUrl(await library.get(id), client) } : {}),
    connection: deps.connection,
    store: createChatStore(deps.dataDir, onNotice, db),
    emitRun: (run) => deps.bus.emit('chat.run', run),
    onNotice,
    logger,
    sleep: deps.sleep ?? defaultSleep,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.timing ? { timing: deps.timing } : {}),
    ...(deps.refreshTimeoutMs !== undefined ? { refreshTimeoutMs: deps.refreshTimeoutMs } : {})
  })
  return {
    handlers: chatHandlers(service),
    resume: () => service.resume(),
    startupNotices: () => [...early],
    dispose: () => service.dispose(),
    service
  }
}
