// The Electron entry. It wires Electron-only pieces (window, IPC transport, keychain and
// settings adapters, menus, proxy) around the same studio services the headless preview
// uses. It must never import src-main/bridge: the test bridge is absent from production.
import { app, BrowserWindow, dialog, Notification, session, shell } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronConfirmApiBase } from './adapters/electron-confirm'
import { spawnUtilityProcessWorker, utilityProcessSpawner } from './adapters/electron-utility-process'
import { electronAgentFactory } from './adapters/electron-net'
import { createKeytarSecretStore } from './adapters/keytar-secret-store'
import { electronStoreOpener } from './adapters/electron-settings-store'
import { electronTrash } from './adapters/electron-trash'
import { createFileLogger, type Logger } from './core/logger'
import { isAllowedExternalUrl } from './core/external-links'
import { APP_ID } from './desktop/app-identity'
import { installAppMenu, rebuildLibraryFromMenu } from './desktop/app-menu-electron'
import { attachContextMenu } from './desktop/context-menu-electron'
import { electronStartDrag } from './desktop/drag-out-electron'
import { failStartup, flushBeforeQuit } from './desktop/lifecycle'
import { followSpellcheckSetting } from './desktop/spellcheck'
import { currentBackground, followTheme } from './desktop/window-theme'
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
const windowIcon = join(here, '../../resources/icon.png')
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  // Windows shows notifications only for an app with this id (the installer's shortcut has it).
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
  app.enableSandbox()
  // Privileged schemes can only be declared before 'ready'.
  registerMediaScheme()
  void app.whenReady().then(start).catch(failStartup)
}

function notifier(logger: Logger) {
  return (title: string, body: string) => {
    if (!Notification.isSupported()) return
    const note = new Notification({ title, body, silent: false })
    note.on('failed', (_event, error) => logger.warn('notification failed', { error }))
    note.show()
  }
}

async function chooseFolder(defaultPath: string): Promise<string | null> {
  const options = {
    title: 'Export to…',
    defaultPath,
    properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>
  }
  const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
  return picked.canceled ? null : (picked.filePaths[0] ?? null)
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData')
  const logsDir = join(dataDir, 'logs')
  const logger = createFileLogger(logsDir)
  configureTrustedOrigins({ devServerUrl, rendererIndexFile: rendererIndex })
  hardenSession(session.defaultSession)
  // Any web contents created later (there should be none) get the same rules.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
  let rebuildLibrary: (() => void) | null = null
  installAppMenu({ logsDir, logger, rebuildLibrary: () => rebuildLibrary?.() })

  const running = await createStudio({
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
    startDrag: electronStartDrag(() => mainWindow, windowIcon),
    notify: notifier(logger),
    chooseExportFolder: chooseFolder,
    trash: electronTrash,
    defaultLibraryDir: join(app.getPath('pictures'), 'Krev Studio'),
    // Krev calls go through the system proxy (PAC included) and trust the OS certificates.
    agentFactory: electronAgentFactory(session.defaultSession),
    // Image decoding and thumbnails in their own process (sharp's wasm build on Linux).
    mediaWorker: { spawn: spawnUtilityProcessWorker, entryPath: join(here, 'media-worker.js') },
    // The built-in sandbox and its renders (sharp, ffmpeg) in their own process too: a 4K render never stalls IPC.
    sandboxWorker: { spawn: utilityProcessSpawner('Krev Studio sandbox'), entryPath: join(here, 'sandbox-worker.js') },
    // Test fault injection is for development and test runs, never a shipped app.
    sandboxFaultsFromEnv: !app.isPackaged
  })
  // Before the window loads, so the first thumbnails already resolve.
  handleMediaProtocol(session.defaultSession, running.media)
  followSpellcheckSetting(session.defaultSession, running.settings)
  followTheme(() => mainWindow, running.settings)
  attachElectronTransport({ router: running.router, bus: running.bus, getWindow: () => mainWindow })
  rebuildLibrary = () => rebuildLibraryFromMenu(running)

  const windowState = windowStateStore(dataDir)
  let pendingBounds: Promise<void> = Promise.resolve()
  flushBeforeQuit(async () => {
    await pendingBounds
    await running.dispose()
    await logger.flush()
  })
  await openWindow(running, windowState, (saving) => (pendingBounds = saving))
  // macOS: closing the window keeps the app (and the queue) running; the Dock icon reopens it.
  app.on('activate', () => {
    if (!mainWindow) void openWindow(running, windowState, (saving) => (pendingBounds = saving)).catch(failStartup)
  })
}

async function openWindow(
  running: Studio,
  windowState: ReturnType<typeof windowStateStore>,
  track: (saving: Promise<void>) => void
): Promise<void> {
  const win = createMainWindow({
    preloadPath,
    saved: await windowState.load(),
    backgroundColor: currentBackground(running.settings),
    icon: windowIcon,
    onBoundsChanged: (bounds) => track(windowState.save(bounds).catch(() => undefined))
  })
  mainWindow = win
  attachContextMenu(win.webContents, { router: running.router, bus: running.bus })
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  win.webContents.once('did-finish-load', () => running.replayStartupNotices())
  if (devServerUrl) await win.loadURL(devServerUrl)
  else await win.loadFile(rendererIndex)
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
