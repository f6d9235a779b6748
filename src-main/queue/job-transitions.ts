import { randomUUID } from 'node:crypto'
import type { GenerationRequest, JobStatus } from '../../src-preload/contract'
import { isActive, MESSAGES, needsPost, type QueueMode, type StoredJob } from './job-model'
import { estimateCredits, titleFor } from './pricing'

/**
 * The state changes a job goes through outside its worker: created, found after a
 * restart, cancelled, retried. Kept as plain functions over the stored job so each rule
 * (never POST twice by ourselves, retry downloads without a new charge) is in one place.
 */

/** A new job at `position` (queue-order.ts: after every other). */
export function newJob(req: GenerationRequest, mode: QueueMode, at: string, paused: boolean, position = 0): StoredJob {
  return {
    id: randomUUID(),
    kind: req.kind,
    status: paused ? 'paused' : 'pending',
    progress: 0,
    title: titleFor(req),
    request: req,
    generationId: null,
    creditsEstimate: estimateCredits(req),
    creditsUsed: null,
    assetIds: [],
    error: null,
    resumesAt: null,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
    mode,
    postStartedAt: null,
    sentAt: null,
    balanceBefore: null,
    rerunAs: null,
    serverRetries: 0,
    outputUrls: [],
    adCopy: null,
    actionId: null,
    position,
    source: null,
    batchId: null
  }
}

/**
 * A job as found after a restart. Killed while its POST was out: Krev may have charged
 * it, so it is failed and only the creator may send it again. Paused: the pause itself
 * was not saved, so it waits again (a 402 or 401 comes back on the first POST if still so).
 * Returns true when the job changed and must be saved.
 */
export function reconcileOnLoad(j: StoredJob): boolean {
  if (!isActive(j)) return false
  if (needsPost(j) && j.postStartedAt) {
    j.error = { code: 'unknown_outcome', message: MESSAGES.unknownOutcome, retryable: false }
    // What is known is kept: when it left (the marker itself is the verdict's to clear).
    j.sentAt ??= j.postStartedAt
    j.postStartedAt = null
    j.status = 'failed'
    return true
  }
  if (j.status === 'paused') {
    j.status = j.generationId ? 'submitted' : 'pending'
    j.resumesAt = null
  }
  return false
}

/** Cancels in place. Krev can't cancel a started generation: the message says so. */
export function cancelJob(j: StoredJob): void {
  const started = !needsPost(j) || Boolean(j.postStartedAt)
  j.error = started ? { code: 'cancelled', message: MESSAGES.cancelledRunning, retryable: false } : null
  j.resumesAt = null
  j.status = 'cancelled'
}

/**
 * Prepares a creator's retry; returns the status to continue from. A generation Krev
 * accepted and didn't fail (download failed, link expired, cancelled while running) is
 * fetched again and downloaded: no new POST, no new charge. Anything else is sent again.
 */
export function prepareRetry(j: StoredJob, queuePaused: boolean): JobStatus {
  const resumable = Boolean(j.generationId) && j.error?.code !== 'generation_failed' && j.error?.code !== 'server_error'
  if (!resumable) {
    j.generationId = null
    j.outputUrls = []
    j.creditsUsed = null
    j.serverRetries = 0
  }
  j.postStartedAt = null
  j.error = null
  j.resumesAt = null
  j.progress = 0
  return resumable ? 'submitted' : queuePaused ? 'paused' : 'pending'
}
