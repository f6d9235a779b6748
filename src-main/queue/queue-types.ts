import type { CommandInput, CommandOutput, Job, QueueState, UnknownCheck } from '../../src-preload/contract'
import type { Logger } from '../core/logger'
import type { BatchesRepo } from '../db/batches-repo'
import type { BatchSubmit } from './batch-submit'
import type { KrevClient, RateLimiter } from '../krev/types'
import type { LibraryService } from '../library/library-service'
import type { PollTiming, Sleep } from './generation-poller'
import type { AdoptInput } from './adopt-generation'
import type { BalanceAt, QueueMode } from './job-model'
import type { JobStore } from './job-store'
import type { PauseStore } from './pause-store'
import type { MoveTarget } from './queue-order'

/** What the queue service needs and what it offers (the commands' logic). */

/** A request, and the user action it came from when the renderer sent one. */
export type SubmitInput = CommandInput<'generation.submit'>

export interface QueueConnection {
  mode(): QueueMode
  client(): Promise<KrevClient>
  reportOnline(online: boolean): void
  onChange(listener: (status: { mode: QueueMode; online: boolean }) => void): () => void
}

export interface QueueServiceDeps {
  connection: QueueConnection
  store: JobStore
  /** Batches (queue_batches), written in the same transactions as their jobs; absent: no batches (the bench). */
  batches?: BatchesRepo
  /** Where the creator's own pause is kept across restarts. */
  pauseStore: PauseStore
  library: LibraryService
  /**
   * Runs `fn` as one transaction of the database the job store and the library share, so a
   * finished job and its assets are written together or not at all.
   */
  transaction<T>(fn: () => T): T
  /** The folder partial downloads of a mode are streamed into (and swept at start). */
  stagingDir(mode: QueueMode): string
  limiter: RateLimiter & { blockedUntil?: () => number; onPenalize?: (l: (untilMs: number) => void) => () => void }
  concurrency(): { poll: number; download: number }
  /** The session's spending cap in credits (0: none; absent: none), see spend-cap.ts. */
  spendCap?(): number
  emitJob(job: Job): void
  emitRemoved(jobId: string): void
  emitState(state: QueueState): void
  emitProgress(p: { jobId: string; status: Job['status']; progress: number }): void
  onCreditsMaybeChanged(): void
  /** The account's balance: `cached` (no request) is recorded before each POST; `fresh` GETs it. */
  balance: BalanceSource
  sleep: Sleep
  timing: PollTiming
  /** For the pollers' jitter; Math.random when absent. */
  random?: () => number
  now(): number
  logger?: Logger
}

export interface BalanceSource {
  cached(): BalanceAt | null
  fresh(): Promise<BalanceAt>
}

export interface QueueService {
  /** A repeat of `actionId` (the same user action) answers the job it made, creating nothing. */
  submit(input: SubmitInput): Promise<Job>
  /** Several jobs from one action, persisted together before any POST (batch-submit.ts). */
  batches: BatchSubmit
  list(): Promise<CommandOutput<'queue.list'>>
  cancel(jobId: string): Promise<Job>
  /** Refused for an unknown outcome: that job is never sent again (see `runAgain`). */
  retry(jobId: string): Promise<Job>
  checkUnknown(jobId: string): Promise<UnknownCheck>
  /** A new job with the same request, through `submit`; answers the new job. */
  runAgain(jobId: string): Promise<Job>
  remove(jobId: string): Promise<{ removed: boolean }>
  clearFinished(): Promise<{ removed: number }>
  /** The creator's pause; answers once it is on disk, so it survives a restart. */
  pause(): Promise<QueueState>
  resume(): Promise<QueueState>
  /** Loads the current mode's jobs and picks every unfinished one up again. */
  start(): Promise<void>
  /** The spending cap setting changed: jobs waiting on it are looked at again. */
  spendCapChanged(): void
  /** The "at once" setting changed: more (or fewer) jobs are started from now on. */
  concurrencyChanged(): void
  /** A balance the account learnt (refresh, top-up): jobs waiting for credits it covers go on. */
  balanceChanged(current: number): void
  /** Reorders a waiting job (queue-order.ts); answers the jobs whose place changed. */
  move(jobId: string, target: MoveTarget): Promise<Job[]>
  /** Puts a waiting job first in line. */
  runNext(jobId: string): Promise<Job[]>
  /**
   * Main only (the chat agent): tracks a generation started elsewhere, polled and downloaded
   * like any job; input as AdoptInput (adopt-generation.ts), checked. Same generation: same job.
   */
  adopt(input: AdoptInput): Promise<Job>
  /** Resolves when no worker is running and every write is done (tests, shutdown). */
  idle(): Promise<void>
  dispose(): void
}
