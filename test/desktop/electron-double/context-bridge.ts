// contextBridge, by Electron's rules (docs, api/context-bridge.md):
// - only with contextIsolation ("contextBridge API can only be used when contextIsolation
//   is enabled");
// - the api is "a Function, string, number, Array, boolean, or an object whose keys are
//   strings and values are [the same]"; functions are proxied, every other value is
//   copied and frozen; prototypes do not cross (a class instance would arrive as a bare
//   object without its methods), Symbols are not supported; ipcRenderer itself "can no
//   longer be sent over the contextBridge" (electron#40330);
// - a key that already exists on window cannot be overwritten.
// Where Electron would silently drop something (a prototype's methods), the double throws:
// a test must fail rather than pass on an API the real renderer would not get.
import { violate } from './record'

const FORBIDDEN = new WeakSet<object>()

/** Marks an object (ipcRenderer) that Electron refuses to send over the bridge. */
export function markUnbridgeable(value: object): void {
  FORBIDDEN.add(value)
}

export function bridgeValue(value: unknown, path: string): unknown {
  if (value === null || value === undefined) return value
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return value
    case 'symbol':
      return violate(`contextBridge: ${path} is a Symbol, which cannot cross the bridge`)
    case 'function': {
      const fn = value as (...args: unknown[]) => unknown
      // Arguments and results cross the bridge too, in the other direction.
      return (...args: unknown[]) => {
        const result = fn(...args.map((a, i) => bridgeValue(a, `${path}(arg ${i})`)))
        if (result instanceof Promise) return result.then((r) => bridgeValue(r, `${path}() result`))
        return bridgeValue(result, `${path}() result`)
      }
    }
  }
  const obj = value as object
  if (FORBIDDEN.has(obj)) return violate(`contextBridge: ${path} is ipcRenderer, which can no longer be sent over the contextBridge`)
  if (Array.isArray(obj)) return Object.freeze(obj.map((v, i) => bridgeValue(v, `${path}[${i}]`)))
  if (obj instanceof Promise) return obj.then((v) => bridgeValue(v, `${path} (resolved)`))
  if (obj instanceof Error) return Object.freeze(Object.assign(new Error(obj.message), { name: obj.name }))
  if (obj instanceof Date || obj instanceof RegExp || ArrayBuffer.isView(obj) || obj instanceof ArrayBuffer) {
    return structuredClone(obj)
  }
  const proto = Object.getPrototypeOf(obj) as object | null
  if (proto !== null && !isPlainObjectPrototype(proto)) {
    return violate(`contextBridge: ${path} is an instance of ${proto.constructor?.name ?? 'a class'}; its prototype (and methods) would be dropped`)
  }
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(obj)) out[key] = bridgeValue((obj as Record<string, unknown>)[key], `${path}.${key}`)
  if (Object.getOwnPropertySymbols(obj).length > 0) violate(`contextBridge: ${path} has Symbol keys, which cannot cross the bridge`)
  return Object.freeze(out)
}

/** Object.prototype of any realm: a preload runs in its own context (a vm one in the lane). */
function isPlainObjectPrototype(proto: object): boolean {
  return proto === Object.prototype || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(proto) === '[object Object]' && (proto as { constructor?: { name?: string } }).constructor?.name === 'Object')
}

export interface ContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void
  exposeInIsolatedWorld(worldId: number, apiKey: string, api: unknown): void
  /** Test-only view: what was exposed, key by key. */
  readonly exposed: Map<string, unknown>
}

export function createContextBridge(mainWorld: Record<string, unknown>, opts: { contextIsolation: boolean }): ContextBridge {
  const exposed = new Map<string, unknown>()
  const expose = (apiKey: string, api: unknown) => {
    if (!opts.contextIsolation) violate('contextBridge API can only be used when contextIsolation is enabled')
    if (typeof apiKey !== 'string' || apiKey === '') violate('contextBridge: apiKey must be a non-empty string', TypeError)
    if (apiKey in mainWorld) violate(`Cannot bind an API on top of an existing property on the window object: ${apiKey}`)
    const bridged = bridgeValue(api, `window.${apiKey}`)
    Object.defineProperty(mainWorld, apiKey, { value: bridged, enumerable: true, writable: false, configurable: false })
    exposed.set(apiKey, bridged)
  }
  return {
    exposeInMainWorld: expose,
    exposeInIsolatedWorld: (_worldId, apiKey, api) => expose(apiKey, api),
    exposed
  }
}
