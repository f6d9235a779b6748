import { EventBus } from '../ipc/event-bus'
import { createRouter, type Handlers, type Router } from '../ipc/router'
import type { Logger } from '../core/logger'
import type { Connection } from '../../src-preload/contract'
import { appHandlers } from './app-handlers'

export interface StudioDeps {
  dataDir: string
  version: string
  platform: string
  logger: Logger
  openExternal: (url: string) => Promise<void>
}

export interface Studio {
  router: Router
  bus: EventBus
  dispose(): Promise<void>
}

/**
 * The composition root of main's services, shared by the Electron entry and the headless
 * preview. Everything platform-specific arrives through `deps`; nothing here imports electron.
 */
export async function createStudio(deps: StudioDeps): Promise<Studio> {
  const bus = new EventBus((name, issue) => deps.logger.error('invalid event dropped', { name, issue }))
  const connection = (): Connection => ({ mode: 'sandbox', label: 'Built-in sandbox', online: true })

  const handlers: Partial<Handlers> = {
    ...appHandlers({
      name: 'Krev Studio',
      version: deps.version,
      platform: deps.platform,
      bus,
      connection,
      openExternal: deps.openExternal
    })
  }
  const router = createRouter(handlers, {
    onInternalError: (name, error) => deps.logger.error('command failed', { name, error })
  })
  return {
    router,
    bus,
    async dispose() {}
  }
}
