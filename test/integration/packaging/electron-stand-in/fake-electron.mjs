// Just enough of Electron's main-process API for src-main/index.ts to start, open its
// window and serve IPC. When the window loads its page, the packaged preload runs in a vm
// with a fake ipcRenderer/contextBridge, and the page's `window.krev.invoke('app.ping')`
// goes through it to the main process's real ipcMain handler.
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import vm from 'node:vm'

const userData = process.env.KREV_BOOT_USER_DATA || mkdtempSync(join(tmpdir(), 'krev-boot-'))
const handlers = new Map()
const noop = () => undefined

class FakeApp extends EventEmitter {
  isPackaged = true
  name = 'Krev Studio'
  requestSingleInstanceLock = () => true
  enableSandbox = noop
  whenReady = () => Promise.resolve()
  getPath = () => userData
  getVersion = () => JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')).version
  setAppUserModelId = noop
  quit = noop
}
export const app = new FakeApp()

export const ipcMain = {
  handle: (channel, fn) => handlers.set(channel, fn),
  removeHandler: (channel) => handlers.delete(channel),
  on: noop
}

const fakeSession = {
  setPermissionRequestHandler: noop,
  setPermissionCheckHandler: noop,
  setDevicePermissionHandler: noop,
  on: noop,
  protocol: { handle: noop }
}
export const session = { defaultSession: fakeSession }
export const protocol = { registerSchemesAsPrivileged: noop }
export const shell = { openExternal: async () => undefined, showItemInFolder: noop }
export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) }
export class Notification {
  static isSupported = () => false
  show = noop
}
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1600, height: 1000 } }] }

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super()
    this.options = options
    const wc = new EventEmitter()
    wc.mainFrame = { url: 'about:blank' }
    wc.setWindowOpenHandler = noop
    wc.isDestroyed = () => false
    wc.send = (channel, ...args) => this.preloadEvents?.emit(channel, {}, ...args)
    this.webContents = wc
  }
  maximize = noop
  isMaximized = () => false
  isMinimized = () => false
  isDestroyed = () => false
  getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 })
  async loadURL(url) {
    throw new Error(`the packaged app must load its bundled page, not ${url}`)
  }
  async loadFile(file) {
    this.webContents.mainFrame = { url: pathToFileURL(file).href }
    const exposed = runPreload(this, this.options.webPreferences.preload)
    this.webContents.emit('did-finish-load')
    const reply = await exposed.krev.invoke('app.ping', { message: 'packaged' })
    process.stdout.write(`KREV_BOOT_PING ${JSON.stringify(reply)}\n`)
    process.exit(reply && reply.ok ? 0 : 1)
  }
}

/** Runs the CommonJS preload like a sandboxed renderer would: only `electron` can be required. */
function runPreload(win, preloadPath) {
  const exposed = {}
  win.preloadEvents = new EventEmitter()
  const sender = win.webContents
  const ipcRenderer = {
    invoke: async (channel, ...args) => {
      const fn = handlers.get(channel)
      if (!fn) throw new Error(`No handler registered for '${channel}'`)
      return fn({ sender, senderFrame: sender.mainFrame }, ...args)
    },
    on: (channel, fn) => win.preloadEvents.on(channel, fn)
  }
  const contextBridge = { exposeInMainWorld: (key, api) => (exposed[key] = api) }
  const module = { exports: {} }
  const require = (name) => {
    if (name === 'electron') return { ipcRenderer, contextBridge }
    throw new Error(`a sandboxed preload cannot require('${name}')`)
  }
  const wrapper = vm.runInThisContext(`(function (exports, require, module) {${readFileSync(preloadPath, 'utf8')}\n})`, {
    filename: preloadPath
  })
  wrapper(module.exports, require, module)
  return exposed
}

export default { app, ipcMain, session, protocol, shell, dialog, Notification, screen, BrowserWindow }
