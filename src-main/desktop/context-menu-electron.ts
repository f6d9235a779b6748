import { BrowserWindow, Menu, type WebContents } from 'electron'
import type { EventBus } from '../ipc/event-bus'
import type { Router } from '../ipc/router'
import { buildContextMenuTemplate } from './context-menu'

export interface ContextMenuDeps {
  router: Router
  bus: EventBus
}

/**
 * Shows the right-click menu. Reveal and Export go through the same router commands the
 * renderer uses (library.reveal / library.export), so ids are validated and the library
 * service does the work exactly once; a failure becomes an in-app notice.
 */
const MISSING_FILE = 'This file is no longer in the Library folder. Rebuild the library (File menu) or remove it from the library.'
const isMissingFile = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { reason?: unknown }).reason === 'file_missing'

export function attachContextMenu(contents: WebContents, deps: ContextMenuDeps): void {
  const run = (name: 'library.reveal' | 'library.export', input: unknown) => {
    void deps.router.dispatch(name, input, { transport: 'ipc' }).then((reply) => {
      if (!reply.ok) deps.bus.emit('app.notice', { level: 'error', message: reply.error.message })
      else if (isMissingFile(reply.data)) deps.bus.emit('app.notice', { level: 'warning', message: MISSING_FILE })
    })
  }
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
      copyImage: () => contents.copyImageAt(params.x, params.y),
      reveal: (id) => run('library.reveal', { id }),
      exportAsset: (id) => run('library.export', { ids: [id] })
    })
    if (template.length === 0) return
    const window = BrowserWindow.fromWebContents(contents)
    Menu.buildFromTemplate(template).popup(window ? { window } : {})
  })
}
