// The `electron` module as the production main bundle sees it, when the loader hook
// (test/desktop/loader) redirects the bare specifier here. Named exports for
// `import { app } from 'electron'`, a default export for `import electron from 'electron'`
// (electron-store does that). A name the app imports that is missing here fails at link
// time ("does not provide an export named"): loud, never silently undefined.
import { app } from './app'
import { BrowserWindow } from './browser-window'
import { clipboard, nativeImage } from './clipboard'
import { dialog } from './dialog'
import { ipcMain } from './ipc-main'
import { Menu, MenuItem } from './menu'
import { nativeTheme } from './native-theme'
import { net } from './net'
import { Notification } from './notification'
import { registerSchemesAsPrivileged, type CustomScheme } from './protocol'
import { record, requireReady } from './record'
import { screen } from './screen'
import { session } from './session'
import { shell } from './shell'
import { utilityProcess } from './utility-process'
import { webContents } from './web-contents'

/** The module-level `protocol` is the default session's, plus the pre-ready registration. */
const protocol = {
  registerSchemesAsPrivileged: (schemes: CustomScheme[]) => registerSchemesAsPrivileged(schemes),
  handle: (scheme: string, handler: (r: Request) => Response | Promise<Response>) => {
    record('protocol.handle', { scheme })
    requireReady('protocol.handle')
    session.defaultSession.protocol.handle(scheme, handler)
  },
  unhandle: (scheme: string) => session.defaultSession.protocol.unhandle(scheme),
  isProtocolHandled: (scheme: string) => session.defaultSession.protocol.isProtocolHandled(scheme)
}

const electron = {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
  webContents
}

export {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
  webContents
}
export default electron
