import type { GenerationRequest, Job, UnknownCheck } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import { isActive, MESSAGES, toJob, type BalanceAt, type StoredJob } from './job-model'

/**
 * What can honestly be said about a job whose create POST may have been charged. The API
 * has no idempotency key and no list of generations, so the only evidence is the balance:
 * the one known just before the POST against a fresh one. That comparison means something
 * only if nothing else could have moved the balance in between, i.e. no other job was
 * sent, charged, refunded or finished since.
 */

export const isUnknownOutcome = (j: Pick<StoredJob, 'status' | 'error'>): boolean =>
  j.status === 'failed' && j.error?.code === 'unknown_outcome'

export function assertUnknownOutcome(j: StoredJob): void {
  if (!isUnknownOutcome(j)) throw new AppError('invalid_input', MESSAGES.notUnknown, { retryable: false })
}

/** Another job did something (sent, answered, finished) after `since`, or is out at Krev now. */
export function otherJobsRanSince(job: StoredJob, others: Iterable<StoredJob>, since: string): boolean {
  for (const o of others) {
    if (o.id === job.id) continue
    if (o.postStartedAt) return true
    if (o.updatedAt > since && (o.sentAt || o.generationId)) return true
    if ((o.status === 'submitted' || o.status === 'processing') && o.generationId) return true
  }
  return false
}

export function compareBalances(job: StoredJob, others: Iterable<StoredJob>, after: BalanceAt): UnknownCheck {
  const before = job.balanceBefore
  // Without an earlier balance, anything after the POST left counts.
  const since = before?.at ?? job.sentAt ?? job.createdAt
  const otherJobsRan = otherJobsRanSince(job, others, since)
  const base = { jobId: job.id, before, after, otherJobsRan }
  if (!before) return { ...base, verdict: 'no_before', spent: null }
  if (otherJobsRan) return { ...base, verdict: 'other_jobs', spent: null }
  const spent = before.credits - after.credits
  if (spent > 0) return { ...base, verdict: 'spent', spent }
  if (spent === 0) return { ...base, verdict: 'unchanged', spent: 0 }
  return { ...base, verdict: 'rose', spent: null }
}

export interface RunAgainDeps {
  /** The queue's own create path: persisted before its POST. */
  submit(req: GenerationRequest): Promise<Job>
  find(jobId: string): StoredJob | undefined
  current(j: StoredJob): boolean
  commit(j: StoredJob): Promise<void>
}

/**
 * "Run again": a NEW job with the same request; the old one stays as it is, marked with
 * the new one's id. A doubled click (or asking again later) answers the same new job.
 */
export function createRunAgain(d: RunAgainDeps): (j: StoredJob) => Promise<Job> {
  const inflight = new Map<string, Promise<Job>>()
  return async (j) => {
    if (isActive(j)) throw new AppError('invalid_input', 'This job is still running.', { retryable: false })
    const existing = j.rerunAs ? d.find(j.rerunAs) : undefined
    if (existing) return toJob(existing)
    const pending = inflight.get(j.id)
    if (pending) return pending
    const started = d.submit(structuredClone(j.request)).finally(() => inflight.delete(j.id))
    inflight.set(j.id, started)
    const next = await started
    if (d.current(j)) {
      j.rerunAs = next.id
      await d.commit(j)
    }
    return next
  }
}
