import { app, Menu, shell } from 'electron'
import { isAllowedExternalUrl } from '../core/external-links'
import type { Logger } from '../core/logger'
import type { EventBus } from '../ipc/event-bus'
import type { Router } from '../ipc/router'
import { buildAppMenuTemplate, HELP_LINKS } from './app-menu'
import { PRODUCT_NAME } from './app-identity'

/** After 'ready': installs the application menu for this platform and build. */
export function installAppMenu(opts: { logsDir: string; logger: Logger; rebuildLibrary?: () => void }): void {
  const template = buildAppMenuTemplate({
    platform: process.platform,
    isDev: !app.isPackaged,
    appName: PRODUCT_NAME,
    links: HELP_LINKS,
    ...(opts.rebuildLibrary ? { rebuildLibrary: opts.rebuildLibrary } : {}),
    openLink: (url) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    },
    showLogs: () => {
      void shell.openPath(opts.logsDir).then((problem) => {
        // openPath resolves with an error message, never rejects.
        if (problem) opts.logger.warn('could not open the logs folder', { problem })
      })
    }
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

/**
 * The menu's library.rebuild, through the router like the renderer's button (progress
 * reaches Settings as library.rebuildProgress); the outcome becomes an in-app notice.
 */
export function rebuildLibraryFromMenu(deps: { router: Router; bus: EventBus }): void {
  void deps.router.dispatch('library.rebuild', {}, { transport: 'ipc' }).then((reply) => {
    if (!reply.ok) return deps.bus.emit('app.notice', { level: 'error', message: reply.error.message })
    const { total } = reply.data as { total: number }
    deps.bus.emit('app.notice', { level: 'success', message: `Library rebuilt from your Library folder: ${total.toLocaleString()} items.` })
  })
}
