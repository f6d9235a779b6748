import type { Job, JobStatus } from '../../src-preload/contract'
import type { AdCopy } from '../krev/types'

/**
 * A job as the queue keeps it on disk: the contract's Job plus what the queue needs to
 * pick it up again after a crash. None of the extra fields ever reach the renderer
 * (`toJob` projects them away): signed URLs in particular stay in main.
 */

export type QueueMode = 'sandbox' | 'krev'

export interface StoredJob extends Job {
  mode: QueueMode
  /**
   * Set (and persisted) just before the create POST leaves, cleared once we know whether
   * Krev acted on it. Found set after a restart = the POST may have been charged.
   */
  postStartedAt: string | null
  /** When the last create POST left; unlike `postStartedAt` it stays after the answer. */
  sentAt: string | null
  /** The balance the account had cached just before that POST (null: none was known). */
  balanceBefore: BalanceAt | null
  /** How many times a 5xx on the create POST was retried (Krev refunds those; one retry). */
  serverRetries: number
  /** Signed output URLs, once Krev gave them; refreshed once if they expire. */
  outputUrls: string[]
  adCopy: AdCopy | null
  /** The user action that created it (submit-once.ts); null for jobs of before and "Run again". */
  actionId: string | null
}

export interface BalanceAt {
  credits: number
  at: string
}

export type JobError = NonNullable<Job['error']>

export const ACTIVE_STATUSES: ReadonlySet<JobStatus> = new Set(['pending', 'submitted', 'processing', 'downloading', 'paused'])
export const isActive = (j: Pick<Job, 'status'>): boolean => ACTIVE_STATUSES.has(j.status)
export const isFinished = (j: Pick<Job, 'status'>): boolean => !isActive(j)
/** Waiting for its create POST (never sent, or known not to have been acted on). */
export const needsPost = (j: StoredJob): boolean => (j.status === 'pending' || j.status === 'paused') && !j.generationId
/** Following a generation Krev has accepted. */
export const isPolling = (j: StoredJob): boolean => j.status === 'submitted' || j.status === 'processing'

export function toJob(j: StoredJob): Job {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: Math.min(100, Math.max(0, Number.isFinite(j.progress) ? j.progress : 0)),
    title: j.title,
    request: j.request,
    generationId: j.generationId,
    creditsEstimate: j.creditsEstimate,
    creditsUsed: j.creditsUsed,
    assetIds: [...j.assetIds],
    error: j.error,
    resumesAt: j.resumesAt,
    attempts: j.attempts,
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
    sentAt: j.sentAt,
    rerunAs: j.rerunAs ?? null,
    source: j.source ?? null
  }
}

/** Deterministic per output, so downloading again after a crash replaces, never duplicates. */
export const assetIdFor = (jobId: string, index: number): string => `${jobId}-${index}`

export const MESSAGES = {
  refunded: 'Krev couldn\u2019t make this \u2014 credits were refunded.',
  unknownOutcome:
    'Krev may have started this generation, but the connection dropped before it answered. It was not retried to avoid charging twice: check your balance, then run it again if it wasn\u2019t made.',
  cancelledRunning:
    'Stopped following this generation. Krev can\u2019t cancel a generation once it has started, so its credits may still be used.',
  linkExpired: 'Krev\u2019s download links for this generation expired and fresh ones didn\u2019t work either. Retry to try again.',
  maybeCharged: 'Krev may have charged this',
  useRunAgain: 'Krev may already have charged this job, so it is never sent again: use \u201cRun again\u201d to start a new job.',
  notUnknown: 'Only a job whose outcome is unknown has a balance to check.',
  noOutputs: 'Krev finished this generation without any output.'
} as const
