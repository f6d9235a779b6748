// The Electron entry. It wires Electron-only pieces (window, IPC transport, keychain
// and settings adapters) around the same studio services the headless preview uses.
// It must never import src-main/bridge: the test bridge is absent from production.
import { app, BrowserWindow, dialog, Notification, session, shell } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronConfirmApiBase } from './adapters/electron-confirm'
import { createKeytarSecretStore } from './adapters/keytar-secret-store'
import { electronStoreOpener } from './adapters/electron-settings-store'
import { createFileLogger } from './core/logger'
import { isAllowedExternalUrl } from './core/external-links'
import { attachElectronTransport } from './ipc/electron-transport'
import { createStudio, type Studio } from './studio/create-studio'
import { createMainWindow } from './window/create-main-window'
import { hardenSession } from './window/harden-web-contents'
import { electronMediaUrl, handleMediaProtocol, registerMediaScheme } from './window/media-protocol'
import { configureTrustedOrigins } from './window/trusted-origin'
import { windowStateStore } from './window/window-state'

const here = fileURLToPath(new URL('.', import.meta.url))
const preloadPath = join(here, '../preload/index.cjs')
const rendererIndex = join(here, '../renderer/index.html')
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

let mainWindow: BrowserWindow | null = null
let studio: Studio | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.enableSandbox()
  // Privileged schemes can only be declared before 'ready'.
  registerMediaScheme()
  void app.whenReady().then(start)
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData')
  const logger = createFileLogger(join(dataDir, 'logs'))
  configureTrustedOrigins({ devServerUrl, rendererIndexFile: rendererIndex })
  hardenSession(session.defaultSession)
  // Any web contents created later (there should be none) get the same rules.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })

  studio = await createStudio({
    dataDir,
    version: app.getVersion(),
    platform: process.platform,
    logger,
    settingsOpener: electronStoreOpener(dataDir),
    secrets: createKeytarSecretStore(),
    openExternal: async (url) => {
      if (isAllowedExternalUrl(url)) await shell.openExternal(url)
    },
    mediaUrl: electronMediaUrl,
    confirmApiBase: electronConfirmApiBase(() => mainWindow),
    revealPath: (path) => shell.showItemInFolder(path),
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body, silent: false }).show()
    },
    chooseExportFolder: async (defaultPath) => {
      const options = {
        title: 'Export to…',
        defaultPath,
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>
      }
      const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
      return picked.canceled ? null : (picked.filePaths[0] ?? null)
    }
  })
  // Before the window loads, so the first thumbnails already resolve.
  handleMediaProtocol(session.defaultSession, studio.media)

  const windowState = windowStateStore(dataDir)
  const saved = await windowState.load()
  mainWindow = createMainWindow({
    preloadPath,
    saved,
    onBoundsChanged: (bounds) => void windowState.save(bounds).catch(() => undefined)
  })
  attachElectronTransport({ router: studio.router, bus: studio.bus, getWindow: () => mainWindow })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  const loaded = studio
  mainWindow.webContents.once('did-finish-load', () => loaded.replayStartupNotices())
  if (devServerUrl) await mainWindow.loadURL(devServerUrl)
  else await mainWindow.loadFile(rendererIndex)
}

app.on('window-all-closed', () => {
  app.quit()
})

app.on('will-quit', () => {
  void studio?.dispose()
})
