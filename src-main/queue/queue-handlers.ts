import type { Handlers } from '../ipc/router'
import type { QueueService } from './queue-service'

export type QueueHandlers = Pick<
  Handlers,
  | 'generation.submit'
  | 'queue.list'
  | 'queue.cancel'
  | 'queue.retry'
  | 'queue.checkUnknown'
  | 'queue.runAgain'
  | 'queue.remove'
  | 'queue.clearFinished'
  | 'queue.move'
  | 'queue.runNext'
  | 'queue.pause'
  | 'queue.resume'
>

/** The generation and queue commands; inputs arrive validated by the router against the contract. */
export function queueHandlers(service: QueueService): QueueHandlers {
  return {
    'generation.submit': (req) => service.submit(req),
    'queue.list': () => service.list(),
    'queue.cancel': ({ jobId }) => service.cancel(jobId),
    'queue.retry': ({ jobId }) => service.retry(jobId),
    'queue.checkUnknown': ({ jobId }) => service.checkUnknown(jobId),
    'queue.runAgain': ({ jobId }) => service.runAgain(jobId),
    'queue.remove': ({ jobId }) => service.remove(jobId),
    'queue.clearFinished': () => service.clearFinished(),
    'queue.move': async ({ jobId, ...target }) => ({ jobs: await service.move(jobId, target) }),
    'queue.runNext': async ({ jobId }) => ({ jobs: await service.runNext(jobId) }),
    'queue.pause': async () => service.pause(),
    'queue.resume': async () => service.resume()
  }
}
