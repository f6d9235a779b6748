// `app`: lifecycle, paths, single-instance lock. The data folder is a temp dir the
// harness passes in KREV_DOUBLE_USER_DATA, so every boot starts from a fresh profile.
import { EventEmitter } from 'node:events'
import { mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { isReady, onReady, record, requireBeforeReady } from './record'

const ROOT = resolve(import.meta.dirname, '../../..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; productName: string }

const PATH_NAMES = ['home', 'appData', 'userData', 'sessionData', 'temp', 'exe', 'module', 'desktop', 'documents', 'downloads', 'music', 'pictures', 'videos', 'recent', 'logs', 'crashDumps'] as const

class App extends EventEmitter {
  readonly isPackaged = process.env['KREV_DOUBLE_PACKAGED'] === '1'
  readonly commandLine = {
    switches: new Map<string, string>(),
    appendSwitch: (name: string, value = '') => {
      record('app.commandLine.appendSwitch', { name, value })
      this.commandLine.switches.set(name, value)
    },
    hasSwitch: (name: string) => this.commandLine.switches.has(name),
    getSwitchValue: (name: string) => this.commandLine.switches.get(name) ?? ''
  }
  private userData = process.env['KREV_DOUBLE_USER_DATA'] ?? join(tmpdir(), 'krev-double-user-data')
  private sandboxEnabled = false
  private lockHeld = false
  quitting = false

  enableSandbox(): void {
    record('app.enableSandbox')
    // "This method can only be called before app is ready." (docs: app.enableSandbox())
    requireBeforeReady('app.enableSandbox()', 'can only be called before app is ready')
    this.sandboxEnabled = true
  }

  get sandboxed(): boolean {
    return this.sandboxEnabled
  }

  isReady(): boolean {
    return isReady()
  }

  whenReady(): Promise<void> {
    record('app.whenReady')
    return new Promise((ok) => onReady(ok))
  }

  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock')
    this.lockHeld = process.env['KREV_DOUBLE_SECOND_INSTANCE'] !== '1'
    return this.lockHeld
  }

  hasSingleInstanceLock(): boolean {
    return this.lockHeld
  }

  releaseSingleInstanceLock(): void {
    record('app.releaseSingleInstanceLock')
    this.lockHeld = false
  }

  getPath(name: (typeof PATH_NAMES)[number]): string {
    if (!PATH_NAMES.includes(name)) throw new Error(`Failed to get '${name}' path`)
    if (name === 'userData' || name === 'sessionData') {
      mkdirSync(this.userData, { recursive: true })
      return this.userData
    }
    if (name === 'logs') return join(this.userData, 'logs')
    if (name === 'temp') return tmpdir()
    if (name === 'exe') return process.execPath
    return join(this.userData, '.home', name)
  }

  setPath(name: string, path: string): void {
    record('app.setPath', { name, path })
    if (name === 'userData') this.userData = path
  }

  getAppPath(): string {
    return ROOT
  }

  getVersion(): string {
    return pkg.version
  }

  getName(): string {
    return pkg.productName
  }

  setName(name: string): void {
    record('app.setName', { name })
  }

  getLocale(): string {
    return 'en-US'
  }

  getPreferredSystemLanguages(): string[] {
    return ['en-US']
  }

  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', { id })
  }

  setAboutPanelOptions(options: unknown): void {
    record('app.setAboutPanelOptions', options)
  }

  focus(): void {
    record('app.focus')
  }

  /** Electron: before-quit → (windows close) → will-quit → quit; preventDefault stops it. */
  quit(): void {
    record('app.quit')
    if (this.quitting) return
    const before = preventable()
    this.emit('before-quit', before)
    if (before.defaultPrevented) return
    this.quitting = true
    const will = preventable()
    this.emit('will-quit', will)
    if (will.defaultPrevented) {
      this.quitting = false
      return
    }
    this.emit('quit', preventable(), 0)
    quitHook(0)
  }

  exit(code = 0): void {
    record('app.exit', { code })
    quitHook(code)
  }

  relaunch(): void {
    record('app.relaunch')
  }
}

export function preventable(): { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    }
  }
  return event
}

let quitHook: (code: number) => void = () => undefined
/** The harness decides what quitting means (in a child process: exit after a flush window). */
export function setQuitHook(fn: (code: number) => void): void {
  quitHook = fn
}

export const app = new App()
