// BrowserWindow. "You cannot use this module until the ready event of the app module is
// emitted" (docs, api/browser-window.md); Electron throws "Cannot create BrowserWindow
// before app is ready". The webPreferences are kept exactly as given so tests can check
// them, with Electron's defaults filled in the way getLastWebPreferences() reports.
import { EventEmitter } from 'node:events'
import { HARDENED_WEB_PREFERENCES } from '../../support/hardened-web-preferences'
import { preventable } from './app'
import { record, requireReady, violate } from './record'
import { sessionFor } from './session'
import { WebContents } from './web-contents'
import type { Menu } from './menu'

interface Rect {
  x: number
  y: number
  width: number
  height: number
}

const windows = new Map<number, BrowserWindow>()
let nextId = 1
let focused: BrowserWindow | null = null

// Electron 45's defaults: every security-relevant preference at its hardened value.
const DEFAULT_PREFS = { ...HARDENED_WEB_PREFERENCES, spellcheck: true }

export class BrowserWindow extends EventEmitter {
  readonly id = nextId++
  readonly webContents: WebContents
  readonly options: Record<string, unknown>
  private bounds: Rect
  private visible = false
  private maximized = false
  private minimized = false
  private destroyed = false
  menu: Menu | null = null
  titleBarOverlay: unknown
  backgroundColor: string

  constructor(options: Record<string, unknown> = {}) {
    super()
    record('new BrowserWindow', { options: strip(options) })
    requireReady('BrowserWindow', 'Cannot create BrowserWindow before app is ready')
    this.options = options
    const prefs: Record<string, unknown> = { ...DEFAULT_PREFS, ...((options['webPreferences'] as Record<string, unknown>) ?? {}) }
    if (prefs['nodeIntegration'] === true) prefs['sandbox'] = false // "Sandboxing is tied to Node.js integration"
    this.webContents = new WebContents(sessionFor(prefs['partition'] as string | undefined), prefs)
    const num = (k: string, d: number) => (typeof options[k] === 'number' ? (options[k] as number) : d)
    this.bounds = { x: num('x', 100), y: num('y', 60), width: num('width', 800), height: num('height', 600) }
    this.visible = options['show'] !== false
    this.backgroundColor = String(options['backgroundColor'] ?? '#FFFFFF')
    this.titleBarOverlay = options['titleBarOverlay']
    windows.set(this.id, this)
    this.webContents.once('did-finish-load', () => {
      if (!this.destroyed) this.emit('ready-to-show')
    })
    markFocused(this)
  }

  static getAllWindows(): BrowserWindow[] {
    return [...windows.values()]
  }

  static getFocusedWindow(): BrowserWindow | null {
    return focused && !focused.destroyed ? focused : null
  }

  static fromWebContents(wc: WebContents): BrowserWindow | null {
    return [...windows.values()].find((w) => w.webContents === wc) ?? null
  }

  static fromId(id: number): BrowserWindow | null {
    return windows.get(id) ?? null
  }

  private alive(api: string): void {
    if (this.destroyed) violate(`BrowserWindow.${api}: Object has been destroyed`, TypeError)
  }

  loadFile(filePath: string, options?: unknown): Promise<void> {
    this.alive('loadFile')
    return this.webContents.loadFile(filePath, options)
  }

  loadURL(url: string, options?: unknown): Promise<void> {
    this.alive('loadURL')
    return this.webContents.loadURL(url, options)
  }

  show(): void {
    this.alive('show')
    record('BrowserWindow.show', { id: this.id })
    this.visible = true
    this.emit('show')
  }

  hide(): void {
    this.alive('hide')
    this.visible = false
    this.emit('hide')
  }

  isVisible(): boolean {
    return this.visible
  }

  focus(): void {
    markFocused(this)
    this.emit('focus')
  }

  isFocused(): boolean {
    return focused === this
  }

  maximize(): void {
    this.maximized = true
    this.emit('maximize')
  }

  unmaximize(): void {
    this.maximized = false
    this.emit('unmaximize')
  }

  isMaximized(): boolean {
    return this.maximized
  }

  minimize(): void {
    this.minimized = true
    this.emit('minimize')
  }

  isMinimized(): boolean {
    return this.minimized
  }

  restore(): void {
    this.minimized = false
    this.emit('restore')
  }

  isFullScreen(): boolean {
    return false
  }

  setFullScreen(flag: boolean): void {
    record('BrowserWindow.setFullScreen', { id: this.id, flag })
  }

  getBounds(): Rect {
    return { ...this.bounds }
  }

  getNormalBounds(): Rect {
    return { ...this.bounds }
  }

  setBounds(bounds: Partial<Rect>): void {
    this.bounds = { ...this.bounds, ...bounds }
    this.emit('resize')
    this.emit('move')
  }

  setBackgroundColor(color: string): void {
    record('BrowserWindow.setBackgroundColor', { id: this.id, color })
    this.backgroundColor = color
  }

  getBackgroundColor(): string {
    return this.backgroundColor
  }

  setTitleBarOverlay(options: unknown): void {
    record('BrowserWindow.setTitleBarOverlay', { id: this.id, options })
    if (!this.options['titleBarOverlay']) violate('BrowserWindow.setTitleBarOverlay: titleBarOverlay is not enabled on this window')
    this.titleBarOverlay = options
  }

  setMenu(menu: Menu | null): void {
    record('BrowserWindow.setMenu', { id: this.id })
    this.menu = menu
  }

  removeMenu(): void {
    this.setMenu(null)
  }

  setMenuBarVisibility(visible: boolean): void {
    record('BrowserWindow.setMenuBarVisibility', { id: this.id, visible })
  }

  setAutoHideMenuBar(hide: boolean): void {
    record('BrowserWindow.setAutoHideMenuBar', { id: this.id, hide })
  }

  setTitle(title: string): void {
    this.options['title'] = title
  }

  getTitle(): string {
    return String(this.options['title'] ?? '')
  }

  /** Electron: 'close' is preventable; then the window and its webContents are destroyed. */
  close(): void {
    if (this.destroyed) return
    const event = preventable()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroy()
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    windows.delete(this.id)
    if (focused === this) focused = null
    this.webContents.destroy()
    this.emit('closed')
  }

  isDestroyed(): boolean {
    return this.destroyed
  }
}

/** Options without functions, for the call log. */
function strip(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>
}

function markFocused(win: BrowserWindow): void {
  focused = win
}
