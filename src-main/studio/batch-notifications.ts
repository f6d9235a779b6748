import type { Job } from '../../src-preload/contract'
import type { EventBus } from '../ipc/event-bus'
import type { Notify } from './job-notifications'

/** What the notifier needs to know of a batch: its name and the jobs of it still in the queue. */
export interface BatchView {
  name: string
  jobCount: number
  jobs: readonly Pick<Job, 'status'>[]
}

const ACTIVE: ReadonlySet<Job['status']> = new Set(['pending', 'submitted', 'processing', 'downloading', 'paused'])

/** "3 of 3 ready", "2 of 3 ready, 1 failed", "1 of 3 ready, 2 cancelled". */
export function batchOutcome(view: BatchView): { title: string; body: string } {
  const n = (status: Job['status']) => view.jobs.filter((j) => j.status === status).length
  const ready = n('succeeded')
  const parts = [`${ready} of ${view.jobCount} ready`]
  if (n('failed')) parts.push(`${n('failed')} failed`)
  if (n('cancelled')) parts.push(`${n('cancelled')} cancelled`)
  const title = ready > 0 ? `Batch “${view.name}” is done` : `Batch “${view.name}” could not be made`
  return { title, body: parts.join(', ') }
}

/**
 * ONE desktop notification per batch, when its last job finishes (a job waiting on the
 * spending cap or a pause is not finished: the batch is not over yet). The jobs of a batch
 * never notify on their own (job-notifications.ts).
 */
export function notifyBatchOutcomes(
  bus: EventBus,
  opts: { enabled: () => boolean; notify: Notify; describe: (batchId: string) => Promise<BatchView | null>; onError?: (e: unknown) => void }
): () => void {
  const told = new Set<string>()
  const check = async (batchId: string) => {
    const view = await opts.describe(batchId)
    if (!view || told.has(batchId) || view.jobs.some((j) => ACTIVE.has(j.status))) return
    told.add(batchId)
    if (!opts.enabled()) return
    const { title, body } = batchOutcome(view)
    opts.notify(title, body)
  }
  return bus.subscribe((name, payload) => {
    if (name !== 'queue.job') return
    const job = payload as Job
    if (!job.batchId || ACTIVE.has(job.status) || told.has(job.batchId)) return
    void check(job.batchId).catch((e: unknown) => opts.onError?.(e))
  })
}
