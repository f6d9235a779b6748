import type { KrevClient } from '../../../src-main/krev'
import type { QueueFeature } from '../../../src-main/queue/create-queue'
import { testQueue } from './test-queue'

export interface QueueInstances {
  /** A new queue on `dataDir` (test-queue.ts), once the one opened before it is stopped. */
  open(dataDir: string, client: KrevClient, extra?: Parameters<typeof testQueue>[2]): QueueFeature
  /** Stops the queue open now and waits until its work has settled. */
  stop(): Promise<void>
}

/** The queue reopened as the app does across restarts: one instance at a time on the data folder. */
export function queueInstances(): QueueInstances {
  const running: QueueFeature[] = []
  return {
    open(dataDir, client, extra = {}) {
      for (const f of running.splice(0)) f.dispose()
      const f = testQueue(dataDir, client, extra)
      running.push(f)
      return f
    },
    async stop() {
      for (const f of running) f.dispose()
      for (const f of running) await f.idle().catch(() => undefined)
    }
  }
}
