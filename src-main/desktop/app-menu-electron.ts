import { app, Menu, shell } from 'electron'
import { isAllowedExternalUrl } from '../core/external-links'
import type { Logger } from '../core/logger'
import { buildAppMenuTemplate, HELP_LINKS } from './app-menu'
import { PRODUCT_NAME } from './app-identity'

/** After 'ready': installs the application menu for this platform and build. */
export function installAppMenu(opts: { logsDir: string; logger: Logger }): void {
  const template = buildAppMenuTemplate({
    platform: process.platform,
    isDev: !app.isPackaged,
    appName: PRODUCT_NAME,
    links: HELP_LINKS,
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
