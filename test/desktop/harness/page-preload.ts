// The built out/preload/index.cjs as an init script of a Chromium page: Chromium has no
// Electron, so a tiny `require('electron')` shim gives the preload a contextBridge that
// defines window.krev and an ipcRenderer whose invoke goes through a Playwright binding
// (to the booted main process) and whose listeners the test feeds with main's sends.
import { readFileSync } from 'node:fs'

export const INVOKE_BINDING = '__krevLaneInvoke'
export const DELIVER_FN = '__krevLaneDeliver'

export function pagePreloadScript(preloadPath: string): string {
  const preload = readFileSync(preloadPath, 'utf8')
  return `(() => {
  const listeners = new Map()
  const invoke = window.${INVOKE_BINDING}
  delete window.${INVOKE_BINDING}
  const ipcRenderer = {
    invoke: (channel, ...args) => invoke(channel, ...args),
    on: (channel, fn) => { const l = listeners.get(channel) || []; l.push(fn); listeners.set(channel, l) }
  }
  Object.defineProperty(window, '${DELIVER_FN}', { value: (channel, args) => (listeners.get(channel) || []).forEach((fn) => fn({}, ...args)) })
  const contextBridge = { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true }) }
  const require = (id) => { if (id === 'electron') return { contextBridge, ipcRenderer }; throw new Error('module not found: ' + id) }
  const module = { exports: {} }
  ;(function (exports, require, module) {\n${preload}\n})(module.exports, require, module)
})()`
}
