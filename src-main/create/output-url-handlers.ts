import type { Job } from '../../src-preload/contract'
import type { Handlers } from '../ipc/router'
import type { LibraryService } from '../library/library-service'
import type { JobStore } from '../queue/job-store'
import type { QueueConnection } from '../queue/queue-types'
import { findOutputs } from './find-outputs'
import { outputUrl } from './output-url'

export type OutputUrlHandlers = Pick<Handlers, 'generation.outputUrl' | 'generation.findOutputs'>

/**
 * `generation.outputUrl` and `generation.findOutputs`, over the library, the queue's jobs
 * (and, for matching links, the stored jobs' output URLs) and the current connection.
 */
export function outputUrlHandlers(deps: {
  library: Pick<LibraryService, 'get' | 'getMany'>
  service: { list(): Promise<{ jobs: Job[] }> }
  store: Pick<JobStore, 'load'>
  connection: Pick<QueueConnection, 'client' | 'mode'>
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
      ),
    'generation.findOutputs': ({ urls }) =>
      findOutputs(
        {
          jobs: () => deps.store.load(deps.connection.mode()),
          asset: async (id) => (await deps.library.getMany([id]))[0] ?? null
        },
        urls
      )
  }
}
