import WebSocket from 'ws'
import { BRIDGE_PATH } from '../../../src-main/bridge/loopback-bridge'
import type { Envelope } from '../../../src-preload/contract'

export type Invoke = <T = unknown>(name: string, input?: unknown) => Promise<Envelope<T>>

export interface BridgeClient {
  invoke: Invoke
  /** Every pushed event, in order. */
  onEvent(listener: (name: string, payload: unknown) => void): void
  close(): void
}

/** A page's side of the loopback bridge: hello with the token, then invoke/results and events. */
export async function connectBridge(origin: string, token: string): Promise<BridgeClient> {
  const port = new URL(origin).port
  const ws = new WebSocket(`ws://127.0.0.1:${port}${BRIDGE_PATH}`, { headers: { origin, host: `127.0.0.1:${port}` } })
  await new Promise((ok, fail) => {
    ws.once('open', ok)
    ws.once('error', fail)
  })
  let next = 1
  const pending = new Map<number, (r: Envelope<unknown>) => void>()
  const listeners: ((name: string, payload: unknown) => void)[] = []
  const ready = new Promise<void>((ok) => {
    ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString()) as { type: string; id?: number; result?: Envelope<unknown>; name?: string; payload?: unknown }
      if (msg.type === 'ready') ok()
      if (msg.type === 'result' && msg.id !== undefined) pending.get(msg.id)?.(msg.result!)
      if (msg.type === 'event') for (const l of listeners) l(msg.name ?? '', msg.payload)
    })
  })
  ws.on('error', () => undefined)
  ws.send(JSON.stringify({ type: 'hello', token }))
  await ready
  return {
    invoke: (name, input = {}) =>
      new Promise((ok) => {
        const id = next++
        pending.set(id, ok as (r: Envelope<unknown>) => void)
        ws.send(JSON.stringify({ type: 'invoke', id, name, input }))
      }),
    onEvent: (l) => void listeners.push(l),
    close: () => ws.close()
  }
}

export async function must<T>(invoke: Invoke, name: string, input: unknown = {}): Promise<T> {
  const r = await invoke<T>(name, input)
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
  return r.data
}
