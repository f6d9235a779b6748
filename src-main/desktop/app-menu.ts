// The application menu as data. Pure (type-only electron import) so every platform and
// build flavour is unit-tested without Electron; app-menu-electron.ts builds the real Menu.
import type { MenuItemConstructorOptions } from 'electron'
import { isAllowedExternalUrl } from '../core/external-links'

export interface MenuLink {
  label: string
  url: string
}

export interface AppMenuInput {
  platform: NodeJS.Platform | string
  /** !app.isPackaged: only then Reload, Force Reload and DevTools exist. */
  isDev: boolean
  appName: string
  /** Help links; anything off the external-link allow-list is dropped. */
  links: readonly MenuLink[]
  openLink: (url: string) => void
  showLogs: () => void
  /** File → Rebuild Library from Folder: runs the library.rebuild command (absent: no item). */
  rebuildLibrary?: () => void
}

export const HELP_LINKS: readonly MenuLink[] = [
  { label: 'Krev Documentation', url: 'https://docs.krev.ai/' },
  { label: 'Krev Dashboard', url: 'https://app.krev.ai/' }
]

export function buildAppMenuTemplate(input: AppMenuInput): MenuItemConstructorOptions[] {
  const mac = input.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: input.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' }
      ]
    })
  }
  // On macOS Quit lives in the app menu; elsewhere File holds it, as users expect.
  const libraryItems: MenuItemConstructorOptions[] = input.rebuildLibrary
    ? [{ label: 'Rebuild Library from Folder', click: () => input.rebuildLibrary?.() }, { type: 'separator' }]
    : []
  template.push({
    label: 'File',
    submenu: [...libraryItems, ...(mac ? [{ role: 'close' } as const] : [{ role: 'close' } as const, { type: 'separator' } as const, { role: 'quit' } as const])]
  })
  // The roles are what make Cmd/Ctrl+Z, X, C, V, A work in text fields on macOS.
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' }
    ]
  })
  const devItems: MenuItemConstructorOptions[] = input.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : []
  template.push({
    label: 'View',
    submenu: [
      ...devItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' }
    ]
  })
  template.push({
    role: 'windowMenu',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }]
  })
  const links = input.links.filter((l) => isAllowedExternalUrl(l.url))
  template.push({
    role: 'help',
    submenu: [
      ...links.map((l): MenuItemConstructorOptions => ({ label: l.label, click: () => input.openLink(l.url) })),
      ...(links.length > 0 ? [{ type: 'separator' } as const] : []),
      { label: 'Show Logs', click: () => input.showLogs() }
    ]
  })
  return template
}
