// The CommonJS preload of a sandboxed window. It exposes only `invoke` and `on`, and
// only for names in the contract; `ipcRenderer` itself never reaches the page.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { KrevBridgeApi } from './api'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels'
import names from 'virtual:krev-contract-names'
import { nameGuards } from './contract-names'

const { isCommandName, isEventName } = nameGuards(names)

type Listener = (payload: unknown) => void
const listeners = new Map<string, Set<Listener>>()

ipcRenderer.on(EVENT_CHANNEL, (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return
  listeners.get(name)?.forEach((fn) => fn(payload))
})

const api: KrevBridgeApi = {
  invoke(name, input) {
    if (!isCommandName(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_command', message: `Unknown command "${String(name)}"`, retryable: false }
      })
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, input)
  },
  on(event, listener) {
    if (!isEventName(event) || typeof listener !== 'function') return () => undefined
    const set = listeners.get(event) ?? new Set<Listener>()
    set.add(listener as Listener)
    listeners.set(event, set)
    return () => set.delete(listener as Listener)
  },
  // A path only, never file contents: main still checks every byte before it uploads.
  pathForFile(file) {
    try {
      return webUtils?.getPathForFile(file) ?? ''
    } catch {
      return ''
    }
  }
}

contextBridge.exposeInMainWorld('krev', api)
