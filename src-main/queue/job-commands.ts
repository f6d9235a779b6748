import type { Job } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import type { RunningJob } from './job-launcher'
import { MESSAGES, isActive, isFinished, toJob, type StoredJob } from './job-model'
import type { JobStore } from './job-store'
import { cancelJob, prepareRetry } from './job-transitions'
import type { BalanceSource, QueueService } from './queue-types'
import { assertUnknownOutcome, compareBalances, isUnknownOutcome } from './unknown-outcome'

/**
 * The creator's commands on one job (or on the finished ones): cancel, retry, check an
 * unknown outcome's balance, run again, remove. The rules are job-transitions.ts and
 * unknown-outcome.ts; this file applies them to the loaded queue.
 */

export interface JobCommandsDeps {
  ready(): Promise<void>
  jobs(): Map<string, StoredJob>
  running: Map<string, RunningJob>
  store: JobStore
  setStatus(j: StoredJob, status: Job['status']): Promise<void>
  queuePaused(): boolean
  balance: BalanceSource
  runAgain(j: StoredJob): Promise<Job>
  emitRemoved(jobId: string): void
  pump(): void
}

export type JobCommands = Pick<QueueService, 'cancel' | 'retry' | 'checkUnknown' | 'runAgain' | 'remove' | 'clearFinished'>

const notFound = () => new AppError('not_found', 'That job is no longer in the queue.', { retryable: false })

export function createJobCommands(d: JobCommandsDeps): JobCommands {
  async function find(jobId: string): Promise<StoredJob> {
    await d.ready()
    const j = d.jobs().get(jobId)
    if (!j) throw notFound()
    return j
  }

  async function drop(j: StoredJob): Promise<void> {
    d.jobs().delete(j.id)
    await d.store.remove(j)
    d.emitRemoved(j.id)
  }

  return {
    async cancel(jobId) {
      const j = await find(jobId)
      if (isFinished(j)) return toJob(j)
      cancelJob(j)
      await d.setStatus(j, 'cancelled')
      d.running.get(j.id)?.ctrl.abort()
      return toJob(j)
    },

    async retry(jobId) {
      const j = await find(jobId)
      if (isActive(j) && j.status !== 'paused') return toJob(j)
      // Never the same job again: Krev may already have made it (and charged for it).
      if (isUnknownOutcome(j)) throw new AppError('invalid_input', MESSAGES.useRunAgain, { retryable: false })
      await d.setStatus(j, prepareRetry(j, d.queuePaused()))
      d.pump()
      return toJob(j)
    },

    async checkUnknown(jobId) {
      const j = await find(jobId)
      assertUnknownOutcome(j)
      return compareBalances(j, d.jobs().values(), await d.balance.fresh())
    },

    async runAgain(jobId) {
      return d.runAgain(await find(jobId))
    },

    async remove(jobId) {
      await d.ready()
      const j = d.jobs().get(jobId)
      if (!j) return { removed: false }
      d.running.get(j.id)?.ctrl.abort()
      await drop(j)
      return { removed: true }
    },

    async clearFinished() {
      await d.ready()
      const done = [...d.jobs().values()].filter(isFinished)
      for (const j of done) await drop(j)
      return { removed: done.length }
    }
  }
}
