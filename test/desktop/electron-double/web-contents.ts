// webContents: loading, navigation events, send, window-open handler, destroy. The
// rules the app depends on are Electron's: `send` on a destroyed webContents throws
// "Object has been destroyed"; send arguments go through the structured clone
// algorithm (functions, DOM objects, class prototypes do not survive: docs
// "webContents.send … serialized with the Structured Clone Algorithm").
import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, preventable } from './app'
import { record, violate } from './record'
import { rendererHost } from './renderer-host'
import { WebFrameMain } from './web-frame-main'
import type { Session } from './session'

let nextId = 1
const all = new Map<number, WebContents>()

export type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
  action: 'allow' | 'deny'
}

export class WebContents extends EventEmitter {
  readonly id = nextId++
  mainFrame: WebFrameMain
  windowOpenHandler: WindowOpenHandler | null = null
  devToolsOpened = false
  private destroyed = false
  private loading = false

  constructor(
    readonly session: Session,
    readonly webPreferences: Record<string, unknown>
  ) {
    super()
    this.mainFrame = new WebFrameMain('about:blank', 1000 + this.id)
    all.set(this.id, this)
    // Electron emits this for every webContents, the window's own included.
    app.emit('web-contents-created', preventable(), this)
  }

  static getAllWebContents(): WebContents[] {
    return [...all.values()]
  }

  static fromId(id: number): WebContents | undefined {
    return all.get(id)
  }

  private alive(api: string): void {
    if (this.destroyed) violate(`webContents.${api}: Object has been destroyed`, TypeError)
  }

  getURL(): string {
    this.alive('getURL')
    return this.mainFrame.url
  }

  getTitle(): string {
    return 'Krev Studio'
  }

  isLoading(): boolean {
    return this.loading
  }

  loadFile(filePath: string, options?: unknown): Promise<void> {
    record('webContents.loadFile', { id: this.id, filePath, options })
    return this.load(pathToFileURL(filePath).href)
  }

  loadURL(url: string, options?: unknown): Promise<void> {
    record('webContents.loadURL', { id: this.id, url, options })
    return this.load(url)
  }

  private async load(url: string): Promise<void> {
    this.alive('load')
    this.loading = true
    this.emit('did-start-loading')
    try {
      const finalUrl = await rendererHost().load(this.id, url)
      // A new document: a fresh main frame object, as Electron creates on cross-document navigation.
      this.mainFrame = new WebFrameMain(finalUrl, this.mainFrame.processId)
      this.emit('did-navigate', preventable(), finalUrl, 200, 'OK')
      this.emit('dom-ready')
      this.emit('did-finish-load')
      this.emit('did-stop-loading')
    } catch (error) {
      this.emit('did-fail-load', preventable(), -6, String(error), url, true)
      throw error
    } finally {
      this.loading = false
    }
  }

  /** Test control: the page asks to navigate (link, location.href): 'will-navigate' decides. */
  requestNavigation(url: string): boolean {
    const event = Object.assign(preventable(), { url, isMainFrame: true, frame: this.mainFrame })
    this.emit('will-navigate', event, url)
    if (event.defaultPrevented) return false
    this.mainFrame.url = url
    this.emit('did-navigate', preventable(), url, 200, 'OK')
    return true
  }

  /** Test control: window.open / target=_blank: the app's window-open handler decides. */
  requestWindowOpen(url: string): 'allow' | 'deny' {
    const verdict = this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'foreground-tab' })
    return verdict?.action ?? 'allow'
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    record('webContents.setWindowOpenHandler', { id: this.id })
    this.windowOpenHandler = handler
  }

  send(channel: string, ...args: unknown[]): void {
    this.alive('send')
    if (typeof channel !== 'string') violate('webContents.send: channel must be a string', TypeError)
    let cloned: unknown[]
    try {
      cloned = structuredClone(args)
    } catch (error) {
      violate(`webContents.send('${channel}'): An object could not be cloned (${String(error)})`)
    }
    rendererHost().deliver(this.id, channel, cloned)
  }

  postMessage(channel: string, message: unknown): void {
    this.send(channel, message)
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.mainFrame.destroy()
    all.delete(this.id)
    this.emit('destroyed')
  }

  close(): void {
    this.destroy()
  }

  getLastWebPreferences(): Record<string, unknown> {
    return { ...this.webPreferences }
  }

  openDevTools(): void {
    record('webContents.openDevTools', { id: this.id })
    this.devToolsOpened = true
  }

  closeDevTools(): void {
    this.devToolsOpened = false
  }

  toggleDevTools(): void {
    record('webContents.toggleDevTools', { id: this.id })
    this.devToolsOpened = !this.devToolsOpened
  }

  isDevToolsOpened(): boolean {
    return this.devToolsOpened
  }

  reload(): void {
    record('webContents.reload', { id: this.id })
  }

  reloadIgnoringCache(): void {
    record('webContents.reloadIgnoringCache', { id: this.id })
  }

  // Editing commands a menu or context menu sends to the focused page.
  undo = this.command('undo')
  redo = this.command('redo')
  cut = this.command('cut')
  copy = this.command('copy')
  paste = this.command('paste')
  pasteAndMatchStyle = this.command('pasteAndMatchStyle')
  selectAll = this.command('selectAll')
  delete = this.command('delete')
  replaceMisspelling = (word: string) => record('webContents.replaceMisspelling', { id: this.id, word })
  copyImageAt = (x: number, y: number) => record('webContents.copyImageAt', { id: this.id, x, y })
  inspectElement = (x: number, y: number) => record('webContents.inspectElement', { id: this.id, x, y })

  private command(name: string): () => void {
    return () => record(`webContents.${name}`, { id: this.id })
  }

  setZoomFactor(factor: number): void {
    record('webContents.setZoomFactor', { id: this.id, factor })
  }

  getZoomFactor(): number {
    return 1
  }

  setBackgroundThrottling(allowed: boolean): void {
    record('webContents.setBackgroundThrottling', { id: this.id, allowed })
  }

  focus(): void {
    record('webContents.focus', { id: this.id })
  }

  /**
   * Electron's rules for a native drag (docs "contents.startDrag(item)"): `file` or `files`
   * must name files, the icon must be a non-empty image (required on macOS, where an empty
   * one throws "Must specify non-empty 'icon' option"; enforced everywhere here), and the
   * paths are real absolute files the OS can hand to the drop target.
   */
  startDrag(item: { file?: unknown; files?: unknown; icon?: unknown }): void {
    this.alive('startDrag')
    const files = Array.isArray(item.files) ? item.files : item.file !== undefined ? [item.file] : []
    if (files.length === 0) violate("webContents.startDrag: Must specify either 'file' or 'files' option", TypeError)
    for (const f of files) {
      if (typeof f !== 'string' || !isAbsolute(f)) violate(`webContents.startDrag: not an absolute path: ${String(f)}`, TypeError)
      if (!existsSync(f)) violate(`webContents.startDrag: no such file: ${f}`)
    }
    const icon = item.icon as { isEmpty?: () => boolean } | string | undefined
    if (icon === undefined || (typeof icon === 'object' && icon.isEmpty?.() !== false)) {
      violate("webContents.startDrag: Must specify non-empty 'icon' option", TypeError)
    }
    record('webContents.startDrag', { id: this.id, files })
  }
}

export const webContents = {
  getAllWebContents: () => WebContents.getAllWebContents(),
  fromId: (id: number) => WebContents.fromId(id),
  getFocusedWebContents: () => WebContents.getAllWebContents()[0] ?? null
}
