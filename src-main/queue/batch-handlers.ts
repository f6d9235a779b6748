import type { Handlers } from '../ipc/router'
import type { QueueService } from './queue-types'

export type BatchHandlers = Pick<Handlers, 'generation.submitBatch' | 'batch.list' | 'batch.cancelRest'>

/** The batch commands (contract/batch.ts); inputs arrive validated by the router. */
export function batchHandlers(service: QueueService): BatchHandlers {
  return {
    'generation.submitBatch': (input) => service.batches.submit(input),
    'batch.list': () => service.batches.list(),
    'batch.cancelRest': async ({ batchId }) => {
      const ids = await service.batches.unsent(batchId)
      // Each through the queue's own cancel: the same rules as a row's Cancel button.
      for (const jobId of ids) await service.cancel(jobId)
      return { cancelled: ids.length }
    }
  }
}
