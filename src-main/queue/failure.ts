import { isAppError } from '../core/app-error'
import { wasMaybeProcessed } from '../krev/errors'
import { MESSAGES, type JobError } from './job-model'

/**
 * What a failure means for the queue, decided in one place. The rule that matters most:
 * an error after the create POST left (maybe-processed) is never retried automatically,
 * because Krev may already have charged for it.
 */

export type Stage = 'post' | 'poll' | 'download'

export type Verdict =
  /** The request never reached Krev (or nothing was charged): pause the queue. */
  | { kind: 'pause'; reason: 'offline' | 'unauthorized'; error: JobError }
  /** A 402: this job waits for credits (credit-holds.ts); the others go on if they fit. */
  | { kind: 'needs_credits'; error: JobError }
  /** Krev asked us to slow down: wait, then send again. */
  | { kind: 'rate_limited'; retryAfterMs: number | undefined; error: JobError }
  /** A 5xx on the create POST: Krev refunds it; one more try is allowed. */
  | { kind: 'server_error'; error: JobError }
  | { kind: 'fail'; error: JobError }
  | { kind: 'cancelled' }

const LOCAL_IO: Record<string, string> = {
  ENOSPC: 'The disk is full, so the result couldn\u2019t be saved to your library. Free some space, then retry.',
  EDQUOT: 'Your disk quota is used up, so the result couldn\u2019t be saved to your library. Free some space, then retry.',
  EACCES: 'Krev Studio isn\u2019t allowed to write to the library folder. Check its permissions, then retry.',
  EPERM: 'Krev Studio isn\u2019t allowed to write to the library folder. Check its permissions, then retry.',
  EROFS: 'The library folder is on a read-only disk. Choose another folder, then retry.',
  ENOENT: 'The library folder disappeared while saving. Retry to save again.',
  ENOTDIR: 'The library folder is not a folder any more. Retry to save again.'
}

/** A local file-system failure (disk full, permissions…), or null if it isn't one. */
export function ioError(e: unknown): JobError | null {
  const code = (e as NodeJS.ErrnoException | null)?.code
  if (typeof code !== 'string' || !(code in LOCAL_IO)) return null
  return { code: 'io', message: LOCAL_IO[code] as string, retryable: true }
}

const messageOf = (e: unknown): string =>
  isAppError(e) ? e.message : 'Something went wrong in Krev Studio while handling this job.'

/** A failure whose job error is already decided (thrown by the queue's own steps). */
export class JobFailure extends Error {
  constructor(readonly jobError: JobError) {
    super(jobError.message)
    this.name = 'JobFailure'
  }
}

export function classify(e: unknown, stage: Stage, aborted: boolean): Verdict {
  if (e instanceof JobFailure) return { kind: 'fail', error: e.jobError }
  if (aborted || (isAppError(e) && e.code === 'cancelled')) return { kind: 'cancelled' }
  if (stage === 'post' && wasMaybeProcessed(e)) {
    return { kind: 'fail', error: { code: 'unknown_outcome', message: MESSAGES.unknownOutcome, retryable: false } }
  }
  const io = ioError(e)
  if (io) return { kind: 'fail', error: io }
  if (!isAppError(e)) return { kind: 'fail', error: { code: 'internal', message: messageOf(e), retryable: true } }

  const error: JobError = { code: e.code, message: e.message, retryable: e.retryable }
  switch (e.code) {
    case 'network':
    case 'timeout':
      return { kind: 'pause', reason: 'offline', error: { ...error, retryable: true } }
    case 'unauthorized':
      return { kind: 'pause', reason: 'unauthorized', error: { ...error, retryable: true } }
    case 'insufficient_credits':
      return { kind: 'needs_credits', error: { ...error, retryable: true } }
    case 'rate_limited':
      return { kind: 'rate_limited', retryAfterMs: e.retryAfterMs, error: { ...error, retryable: true } }
    case 'server_error':
      if (stage === 'post') return { kind: 'server_error', error: { ...error, refunded: true } }
      return { kind: 'fail', error: { ...error, retryable: true } }
    case 'invalid_input':
    case 'bad_request':
    case 'forbidden':
    case 'payload_too_large':
      return { kind: 'fail', error: { ...error, retryable: false } }
    default:
      return { kind: 'fail', error: { ...error, retryable: true } }
  }
}
