import type { Handlers } from '../ipc/router'
import type { EventBus } from '../ipc/event-bus'
import { AppError } from '../core/app-error'
import { isAllowedExternalUrl } from '../core/external-links'
import type { Connection } from '../../src-preload/contract'

export interface AppHandlerDeps {
  name: string
  version: string
  platform: string
  bus: EventBus
  connection: () => Connection
  /** Opens a vetted URL in the OS browser (Electron's shell in the app, a no-op in preview). */
  openExternal: (url: string) => Promise<void>
}

type AppHandlers = Pick<Handlers, 'app.info' | 'app.openExternal' | 'app.ping'>

export function appHandlers(deps: AppHandlerDeps): AppHandlers {
  return {
    'app.info': async () => ({
      name: deps.name,
      version: deps.version,
      platform: deps.platform,
      connection: deps.connection()
    }),
    'app.openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppError('invalid_input', 'Only secure links to Krev and its documentation can be opened.')
      }
      await deps.openExternal(url)
      return { opened: true }
    },
    'app.ping': async ({ message }) => {
      const at = new Date().toISOString()
      deps.bus.emit('app.notice', { level: 'info', message: `pong: ${message}` })
      return { message, at }
    }
  }
}
