import { randomUUID } from 'node:crypto'
import type { BatchInfo, CommandArgs, CommandOutput, GenerationRequest, Job } from '../../src-preload/contract'
import { AppError, isAppError } from '../core/app-error'
import type { BatchesRepo, StoredBatch } from '../db/batches-repo'
import { isActive, needsPost, toJob, type QueueMode, type StoredJob } from './job-model'
import { createSubmitOnce } from './submit-once'

/**
 * A batch of jobs from one user action. Every request is checked first; then the batch
 * row and all its jobs are written in ONE transaction, before any of them is sent, so a
 * crash leaves the whole batch or none of it, and a bad row sends nothing. After that each
 * job is an ordinary queue job: the pump sends them one by one, and the session spending
 * cap holds any that would cross it. The same action again (a double click, a repeat
 * after a restart) is answered the batch it made, through submit-once.ts: every job of the
 * batch carries the action's id, and the batch row too.
 */

export type BatchSubmitInput = CommandArgs<'generation.submitBatch'>
export type BatchAnswer = CommandOutput<'generation.submitBatch'>

export interface BatchSubmitDeps {
  mode(): QueueMode
  ensureLoaded(): Promise<void>
  /** The client's checks of one request (validate-request.ts); throws an AppError. */
  validate(req: GenerationRequest): Promise<void>
  /** A new job of the current mode, not yet saved; `nth` of the batch, so they run in batch order after what waits. */
  newJob(req: GenerationRequest, nth: number): StoredJob
  transaction<T>(fn: () => T): T
  saveSync(job: StoredJob): void
  batches: BatchesRepo | undefined
  /** The current mode's jobs (the queue's map). */
  jobs(): ReadonlyMap<string, StoredJob>
  /** Takes the saved jobs into the queue: shown, and picked up by the pump. */
  adopt(jobs: StoredJob[]): void
  now(): number
}

export interface BatchSubmit {
  submit(input: BatchSubmitInput): Promise<BatchAnswer>
  list(): Promise<{ batches: BatchInfo[] }>
  /** The ids of the batch's jobs not yet sent to Krev: what "cancel the rest" cancels. */
  unsent(batchId: string): Promise<string[]>
}

const info = ({ id, name, createdAt, jobCount, creditsEstimate }: StoredBatch): BatchInfo => ({ id, name, createdAt, jobCount, creditsEstimate })

/** "Job 3: …": which row of the batch was refused, in the creator's numbering. */
function refused(index: number, e: unknown): AppError {
  const message = e instanceof Error ? e.message : String(e)
  return new AppError(isAppError(e) ? e.code : 'invalid_input', `Job ${index + 1} of the batch: ${message} Nothing was sent.`, {
    retryable: false,
    cause: e
  })
}

/** "Walnut tray · On a sunlit oak table…": a job among others with the same prompt. */
function labelled(label: string, title: string): string {
  const t = `${label} · ${title}`
  return t.length > 80 ? `${t.slice(0, 79)}…` : t
}

export function createBatchSubmit(deps: BatchSubmitDeps): BatchSubmit {
  const once = createSubmitOnce({ now: deps.now })
  const repo = deps.batches
  if (!repo) {
    const none = () => Promise.reject(new AppError('internal', 'This queue keeps no batches.', { retryable: false }))
    return { submit: none, list: none, unsent: none }
  }
  const d = { ...deps, batches: repo }

  const answer = (batch: StoredBatch): BatchAnswer => ({
    batch: info(batch),
    jobs: [...d.jobs().values()].filter((j) => j.batchId === batch.id).map(toJob)
  })

  async function create(input: BatchSubmitInput, mode: QueueMode): Promise<Job> {
    for (const [i, req] of input.requests.entries()) await d.validate(req).catch((e: unknown) => Promise.reject(refused(i, e)))
    const batchId = randomUUID()
    const actionId = input.actionId ?? null
    const jobs = input.requests.map((req, i) => {
      const j = { ...d.newJob(req, i), actionId, batchId }
      const label = input.labels?.[i]?.trim()
      return label ? { ...j, title: labelled(label, j.title) } : j
    })
    const batch: StoredBatch = {
      mode,
      id: batchId,
      name: input.name.trim(),
      createdAt: jobs[0]!.createdAt,
      jobCount: jobs.length,
      creditsEstimate: jobs.reduce((sum, j) => sum + j.creditsEstimate, 0),
      actionId
    }
    // On disk, all of it, before anything is sent.
    d.transaction(() => {
      d.batches.insertSync(batch)
      for (const j of jobs) d.saveSync(j)
    })
    d.adopt(jobs)
    return toJob(jobs[0]!)
  }

  return {
    async submit(input) {
      await d.ensureLoaded()
      const mode = d.mode()
      // Known from the ledger even when its jobs have since been cleared from the queue.
      const saved = input.actionId ? d.batches.byAction(mode, input.actionId) : null
      if (saved) return answer(saved)
      const first = await once.run({ mode, actionId: input.actionId }, () => create(input, mode), d.jobs)
      const batch = first.batchId ? d.batches.get(mode, first.batchId) : null
      if (!batch) throw new AppError('conflict', 'That action already made a job that is not part of a batch.', { retryable: false })
      return answer(batch)
    },

    async list() {
      await d.ensureLoaded()
      return { batches: d.batches.all(d.mode()).map(info) }
    },

    async unsent(batchId) {
      await d.ensureLoaded()
      // Only what Krev has not been asked for: a started generation can't be called back.
      return [...d.jobs().values()].filter((j) => j.batchId === batchId && isActive(j) && needsPost(j) && !j.postStartedAt).map((j) => j.id)
    }
  }
}
