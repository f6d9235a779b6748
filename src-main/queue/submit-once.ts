import type { GenerationRequest, Job } from '../../src-preload/contract'
import type { SubmitInput } from './queue-types'
import { toJob, type StoredJob } from './job-model'

/**
 * One user action, one job. The renderer sends the same action id when the same press
 * arrives more than once (a key chord repeated, a triple click, a menu and a shortcut at
 * once); the first creates the job, every repeat is answered that job and nothing more is
 * POSTed. Recent ids are remembered here, in flight ones included (a repeat that comes
 * while the first is still being validated and saved waits for it); the id is also saved
 * with the job, so after a restart, or once an id has left this window, the ledger answers.
 */

export const RECENT_ACTIONS = 200
export const RECENT_ACTION_MS = 10 * 60_000

export interface SubmitOnceOptions {
  now(): number
  max?: number
  ttlMs?: number
}

export interface SubmitOnce {
  /**
   * `create` runs only for an action id not seen (or one whose first try failed: nothing
   * was made, so trying again is not a repeat). `ledger` is the mode's jobs by id: it
   * answers an id saved with a job, and a remembered job's current state.
   */
  run(key: { mode: string; actionId: string | undefined }, create: () => Promise<Job>, ledger: () => ReadonlyMap<string, StoredJob>): Promise<Job>
}

export function createSubmitOnce(opts: SubmitOnceOptions): SubmitOnce {
  const max = opts.max ?? RECENT_ACTIONS
  const ttlMs = opts.ttlMs ?? RECENT_ACTION_MS
  const recent = new Map<string, { at: number; job: Promise<Job> }>()

  function forget(now: number): void {
    // Insertion order is age order: the oldest are at the front. Room is left for one more.
    for (const [k, entry] of recent) {
      if (recent.size < max && now - entry.at < ttlMs) break
      recent.delete(k)
    }
  }

  return {
    run({ mode, actionId }, create, ledger) {
      if (!actionId) return create()
      const now = opts.now()
      forget(now)
      const k = `${mode}\u0000${actionId}`
      const seen = recent.get(k)
      if (seen) return seen.job.then((job) => toJobOf(ledger().get(job.id)) ?? job)
      const saved = [...ledger().values()].find((j) => j.actionId === actionId)
      if (saved) return Promise.resolve(toJob(saved))
      const job = create()
      recent.set(k, { at: now, job })
      job.catch(() => {
        if (recent.get(k)?.job === job) recent.delete(k)
      })
      return job
    }
  }
}

const toJobOf = (j: StoredJob | undefined): Job | undefined => (j ? toJob(j) : undefined)

/** The contract's submit input as the request the job keeps and the action it came from. */
export function splitSubmit(input: SubmitInput): { request: GenerationRequest; actionId?: string } {
  const request = { kind: input.kind, params: input.params } as GenerationRequest
  return input.actionId ? { request, actionId: input.actionId } : { request }
}
