// Runs a built CommonJS preload the way a sandboxed renderer does: in its own vm context,
// with the double's limited `require` (electron, events, timers, url only) and a window
// whose `krev` key only the contextBridge can set.
import { readFileSync } from 'node:fs'
import vm from 'node:vm'
import { createSandboxedRenderer, type RendererIpcTransport, type SandboxedRenderer } from '../electron-double/sandboxed-renderer'

export interface LoadedPreload {
  renderer: SandboxedRenderer
  mainWorld: Record<string, unknown>
}

export function runPreload(preloadPath: string, transport: RendererIpcTransport): LoadedPreload {
  const mainWorld: Record<string, unknown> = {}
  const renderer = createSandboxedRenderer({ mainWorld, transport })
  const module = { exports: {} as unknown }
  const context = vm.createContext({ console, setTimeout, clearTimeout, queueMicrotask, Promise })
  const wrapper = vm.runInContext(`(function (exports, require, module, __filename, __dirname) {${readFileSync(preloadPath, 'utf8')}\n})`, context, {
    filename: preloadPath
  }) as (...args: unknown[]) => void
  wrapper(module.exports, renderer.require, module, preloadPath, '.')
  return { renderer, mainWorld }
}
