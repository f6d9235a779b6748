import type { Job } from '../../src-preload/contract'
import type { EventBus } from '../ipc/event-bus'

export type Notify = (title: string, body: string) => void

/**
 * A desktop notification when a job finishes or fails, if the creator wants them. Each job
 * notifies once per outcome: progress events and repeated saves of a finished job stay quiet.
 * A job sent in a batch stays quiet too: its batch notifies once, for all of them.
 */
export function notifyJobOutcomes(bus: EventBus, opts: { enabled: () => boolean; notify: Notify }): () => void {
  const told = new Map<string, Job['status']>()
  return bus.subscribe((name, payload) => {
    if (name !== 'queue.job') return
    const job = payload as Job
    // A job of a batch is told with its batch, once the batch is over (batch-notifications.ts).
    if (job.batchId) return
    if (job.status !== 'succeeded' && job.status !== 'failed') return
    if (told.get(job.id) === job.status) return
    told.set(job.id, job.status)
    if (!opts.enabled()) return
    const what = job.kind === 'video' ? 'Your video' : job.kind === 'ad' ? 'Your ad' : job.assetIds.length > 1 ? 'Your images' : 'Your image'
    if (job.status === 'succeeded') opts.notify(`${what} ${what === 'Your images' ? 'are' : 'is'} ready`, job.title)
    else opts.notify(`${what} could not be made`, job.error?.message ?? job.title)
  })
}
