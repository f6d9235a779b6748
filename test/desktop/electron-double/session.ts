// `session`: the default session only exists once the app is ready (Electron throws
// "Session can only be received when app is ready"). Records the hardening the app
// applies (permission handlers, downloads) so tests can call them like Chromium would.
import { EventEmitter } from 'node:events'
import { Protocol } from './protocol'
import { record, requireReady } from './record'

type PermissionRequest = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void
type PermissionCheck = (wc: unknown, permission: string, origin: string, details: unknown) => boolean

export class Session extends EventEmitter {
  readonly protocol: Protocol
  permissionRequestHandler: PermissionRequest | null = null
  permissionCheckHandler: PermissionCheck | null = null
  devicePermissionHandler: ((details: unknown) => boolean) | null = null
  displayMediaRequestHandler: unknown = null
  spellCheckerEnabled = true
  spellCheckerLanguages: string[] = ['en-US']
  dictionaryDownloadUrl: string | null = null
  readonly webRequest = {
    onBeforeRequest: (...args: unknown[]) => record(`${this.label}.webRequest.onBeforeRequest`, { filters: typeof args[0] === 'object' ? args[0] : null }),
    onHeadersReceived: (...args: unknown[]) => record(`${this.label}.webRequest.onHeadersReceived`, { filters: typeof args[0] === 'object' ? args[0] : null })
  }

  constructor(readonly label: string) {
    super()
    this.protocol = new Protocol(`${label}.protocol`)
  }

  setPermissionRequestHandler(handler: PermissionRequest | null): void {
    record(`${this.label}.setPermissionRequestHandler`)
    this.permissionRequestHandler = handler
  }

  setPermissionCheckHandler(handler: PermissionCheck | null): void {
    record(`${this.label}.setPermissionCheckHandler`)
    this.permissionCheckHandler = handler
  }

  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    record(`${this.label}.setDevicePermissionHandler`)
    this.devicePermissionHandler = handler
  }

  setDisplayMediaRequestHandler(handler: unknown): void {
    record(`${this.label}.setDisplayMediaRequestHandler`)
    this.displayMediaRequestHandler = handler
  }

  /** Test control: Chromium asking whether `permission` may be granted. Default (no handler) is Electron's: granted. */
  requestPermission(permission: string, webContents: unknown = null): Promise<boolean> {
    const handler = this.permissionRequestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise((ok) => handler(webContents, permission, ok, { requestingUrl: 'file:///' }))
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    record(`${this.label}.setSpellCheckerEnabled`, { enabled })
    this.spellCheckerEnabled = enabled
  }

  isSpellCheckerEnabled(): boolean {
    return this.spellCheckerEnabled
  }

  setSpellCheckerLanguages(languages: string[]): void {
    record(`${this.label}.setSpellCheckerLanguages`, { languages })
    this.spellCheckerLanguages = languages
  }

  getSpellCheckerLanguages(): string[] {
    return this.spellCheckerLanguages
  }

  setSpellCheckerDictionaryDownloadURL(url: string): void {
    record(`${this.label}.setSpellCheckerDictionaryDownloadURL`, { url })
    this.dictionaryDownloadUrl = url
  }

  async resolveProxy(url: string): Promise<string> {
    record(`${this.label}.resolveProxy`, { url })
    return 'DIRECT'
  }

  async setProxy(config: unknown): Promise<void> {
    record(`${this.label}.setProxy`, config)
  }

  fetch(input: string | Request, init?: RequestInit): Promise<Response> {
    record(`${this.label}.fetch`, { url: typeof input === 'string' ? input : input.url })
    return fetch(input, init)
  }

  async clearCache(): Promise<void> {
    record(`${this.label}.clearCache`)
  }

  getUserAgent(): string {
    return 'KrevStudio-double'
  }

  setUserAgent(ua: string): void {
    record(`${this.label}.setUserAgent`, { ua })
  }
}

let defaultSession: Session | null = null
const partitions = new Map<string, Session>()

export const session = {
  get defaultSession(): Session {
    requireReady('session.defaultSession', 'Session can only be received when app is ready')
    defaultSession ??= new Session('session.defaultSession')
    return defaultSession
  },
  fromPartition(partition: string): Session {
    requireReady('session.fromPartition', 'Session can only be received when app is ready')
    const existing = partitions.get(partition) ?? new Session(`session(${partition})`)
    partitions.set(partition, existing)
    return existing
  }
}

/** For windows: their session, without tripping the ready rule twice. */
export function sessionFor(partition: string | undefined): Session {
  return partition ? session.fromPartition(partition) : session.defaultSession
}
