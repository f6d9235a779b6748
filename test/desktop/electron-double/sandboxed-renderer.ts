// What a sandboxed preload sees (docs, tutorial/sandbox.md, "Preload scripts"): a
// `require` that is "a polyfill with limited functionality" and only yields `electron`
// (the renderer modules contextBridge, crashReporter, ipcRenderer, nativeImage, webFrame,
// webUtils) and the Node builtins events, timers and url. Anything else throws, and
// splitting the preload into several CommonJS files does not work.
import * as events from 'node:events'
import * as timers from 'node:timers'
import * as url from 'node:url'
import { createContextBridge, markUnbridgeable, type ContextBridge } from './context-bridge'
import { violate } from './record'

export interface RendererIpcTransport {
  invoke(channel: string, args: unknown[]): Promise<unknown>
  send(channel: string, args: unknown[]): void
}

export interface SandboxedRenderer {
  require: (id: string) => unknown
  contextBridge: ContextBridge
  ipcRenderer: IpcRenderer
  /** Main → renderer: what webContents.send delivers. */
  deliver(channel: string, args: unknown[]): void
  /** Every require() the preload attempted, allowed or not. */
  required: string[]
}

type Listener = (event: { sender: IpcRenderer; ports: unknown[] }, ...args: unknown[]) => void

export class IpcRenderer extends events.EventEmitter {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = []

  constructor(private readonly transport: RendererIpcTransport) {
    super()
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    let cloned: unknown[]
    try {
      cloned = structuredClone(args)
    } catch (error) {
      return Promise.reject(new Error(`An object could not be cloned (${String(error)})`))
    }
    return this.transport.invoke(channel, cloned)
  }

  send(channel: string, ...args: unknown[]): void {
    this.transport.send(channel, structuredClone(args))
  }

  sendSync(channel: string): never {
    return violate(`ipcRenderer.sendSync('${channel}'): not supported by the double (and blocks the renderer)`)
  }

  override on(channel: string, listener: Listener): this {
    return super.on(channel, listener)
  }
}

const ALLOWED_BUILTINS: Record<string, unknown> = { events, timers, url }

export function createSandboxedRenderer(opts: {
  mainWorld: Record<string, unknown>
  transport: RendererIpcTransport
  contextIsolation?: boolean
}): SandboxedRenderer {
  const ipcRenderer = new IpcRenderer(opts.transport)
  markUnbridgeable(ipcRenderer)
  const contextBridge = createContextBridge(opts.mainWorld, { contextIsolation: opts.contextIsolation ?? true })
  const electron = Object.freeze({
    contextBridge,
    ipcRenderer,
    webFrame: { setZoomFactor: () => undefined, getZoomFactor: () => 1 },
    webUtils: { getPathForFile: () => '' },
    crashReporter: { addExtraParameter: () => undefined },
    nativeImage: { createEmpty: () => ({}) }
  })
  const required: string[] = []
  const require = (id: string): unknown => {
    required.push(id)
    if (id === 'electron' || id === 'electron/renderer') return electron
    const bare = id.startsWith('node:') ? id.slice(5) : id
    if (bare in ALLOWED_BUILTINS) return ALLOWED_BUILTINS[bare]
    return violate(`module not found: ${id} (a sandboxed preload can only require electron, events, timers and url)`)
  }
  return {
    require,
    contextBridge,
    ipcRenderer,
    required,
    deliver(channel, args) {
      ipcRenderer.emit(channel, { sender: ipcRenderer, ports: [] }, ...structuredClone(args))
    }
  }
}
