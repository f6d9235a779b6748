// Every name the `electron` module exports (index.ts re-exports them, and makes this
// namespace its default export): one list for `import { app } from 'electron'` and
// `import electron from 'electron'` alike.
import { record, requireReady } from './record'
import { registerSchemesAsPrivileged, type CustomScheme } from './protocol'
import { session } from './session'

export { app } from './app'
export { BrowserWindow } from './browser-window'
export { clipboard, nativeImage } from './clipboard'
export { dialog } from './dialog'
export { ipcMain } from './ipc-main'
export { Menu, MenuItem } from './menu'
export { nativeTheme } from './native-theme'
export { net } from './net'
export { Notification } from './notification'
export { screen } from './screen'
export { session } from './session'
export { shell } from './shell'
export { utilityProcess } from './utility-process'
export { webContents } from './web-contents'

/** The module-level `protocol` is the default session's, plus the pre-ready registration. */
export const protocol = {
  registerSchemesAsPrivileged: (schemes: CustomScheme[]) => registerSchemesAsPrivileged(schemes),
  handle: (scheme: string, handler: (r: Request) => Response | Promise<Response>) => {
    record('protocol.handle', { scheme })
    requireReady('protocol.handle')
    session.defaultSession.protocol.handle(scheme, handler)
  },
  unhandle: (scheme: string) => session.defaultSession.protocol.unhandle(scheme),
  isProtocolHandled: (scheme: string) => session.defaultSession.protocol.isProtocolHandled(scheme)
}
