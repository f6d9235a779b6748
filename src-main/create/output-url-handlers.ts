import type { Job } from '../../src-preload/contract'
import type { Handlers } from '../ipc/router'
import type { LibraryService } from '../library/library-service'
import type { QueueConnection } from '../queue/queue-types'
import { outputUrl } from './output-url'

export type OutputUrlHandlers = Pick<Handlers, 'generation.outputUrl'>

/** `generation.outputUrl`, over the library, the queue's jobs and the current connection. */
export function outputUrlHandlers(deps: {
  library: Pick<LibraryService, 'get'>
  service: { list(): Promise<{ jobs: Job[] }> }
  connection: Pick<QueueConnection, 'client'>
}): OutputUrlHandlers {
  return {
    'generation.outputUrl': ({ assetId }) =>
      outputUrl(
        {
          asset: (id) => deps.library.get(id),
          jobs: async () => (await deps.service.list()).jobs,
          client: () => deps.connection.client()
        },
        assetId
      )
  }
}
