import type { KrevBridgeApi } from '../../../src-preload/api'
import type { Envelope, ErrorShape } from '../../../src-preload/contract'

type Reply = unknown | ((input: unknown) => unknown)

/** A scripted `window.krev`: answers by command name, records calls, emits events on demand. */
export function installFakeBridge(replies: Record<string, Reply> = {}) {
  const calls: Array<{ name: string; input: unknown }> = []
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  const api = {
    invoke(name: string, input: unknown) {
      calls.push({ name, input })
      const reply = replies[name]
      if (reply === undefined) return Promise.resolve(fail('internal', `"${name}" has no reply in this test`))
      const value = typeof reply === 'function' ? (reply as (i: unknown) => unknown)(input) : reply
      return Promise.resolve(value as Envelope<unknown>)
    },
    on(event: string, fn: (p: unknown) => void) {
      const set = listeners.get(event) ?? new Set()
      set.add(fn)
      listeners.set(event, set)
      return () => set.delete(fn)
    }
  } as unknown as KrevBridgeApi
  ;(globalThis as { window?: unknown }).window = { krev: api }
  return {
    api,
    calls,
    listeners,
    emit(event: string, payload: unknown) {
      listeners.get(event)?.forEach((fn) => fn(payload))
    }
  }
}

export function removeBridge(): void {
  delete (globalThis as { window?: unknown }).window
}

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
export const fail = (code: ErrorShape['code'], message: string = code, extra: Partial<ErrorShape> = {}): Envelope<never> => ({
  ok: false,
  error: { code, message, retryable: false, ...extra }
})
