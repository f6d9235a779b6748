// The loopback test bridge: the same router and event bus as Electron IPC, over a
// WebSocket on 127.0.0.1. Only the headless harness starts it; the Electron entry
// never imports it (test/unit/bundle.test.ts checks out/main for it).
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { WebSocketServer, type WebSocket } from 'ws'
import type { EventBus } from '../ipc/event-bus'
import type { Router } from '../ipc/router'

export const BRIDGE_PATH = '/__krev/bridge'
/** Room for a 20 MB product photo in base64 plus the envelope. */
export const BRIDGE_MAX_PAYLOAD = 32 * 1024 * 1024
const HELLO_TIMEOUT_MS = 5_000
/** Sockets still waiting for their hello; bounded so a local process cannot pile them up. */
const MAX_PENDING = 4

export interface BridgeOptions {
  server: Server
  router: Router
  bus: EventBus
  /** The exact origin the page is served from, e.g. http://127.0.0.1:5173. */
  origin: string
  token?: string
  /** Called when a client has authenticated (the page is listening for events now). */
  onReady?: () => void
}

export interface Bridge {
  token: string
  /** Whether a page holds the one client slot (the slot frees when its socket has closed here). */
  hasClient(): boolean
  close(): void
}

type ClientMessage = { type: 'hello'; token: string } | { type: 'invoke'; id: number; name: unknown; input: unknown }

export const newBridgeToken = (): string => randomBytes(32).toString('hex')

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function reject(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

export function attachLoopbackBridge({ server, router, bus, origin, token = newBridgeToken(), onReady }: BridgeOptions): Bridge {
  const expectedHost = new URL(origin).host
  const wss = new WebSocketServer({ noServer: true, maxPayload: BRIDGE_MAX_PAYLOAD })
  // The single client slot is taken only by a socket that proved the token: a local
  // process that connects first and never says hello cannot lock the real page out.
  let client: WebSocket | null = null
  const pending = new Set<WebSocket>()

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0]
    if (path !== BRIDGE_PATH) return reject(socket, 404, 'Not Found')
    if (req.headers.host !== expectedHost || req.headers.origin !== origin) return reject(socket, 403, 'Forbidden')
    if (client || pending.size >= MAX_PENDING) return reject(socket, 409, 'Conflict')
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws))
  }

  const accept = (ws: WebSocket) => {
    pending.add(ws)
    let authed = false
    const helloTimer = setTimeout(() => ws.close(1008, 'hello expected'), HELLO_TIMEOUT_MS)
    const unsubscribe = bus.subscribe((name, payload) => {
      if (authed && ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'event', name, payload }))
    })

    ws.on('message', (raw, isBinary) => {
      let msg: ClientMessage
      try {
        if (isBinary) throw new Error('binary')
        msg = JSON.parse(raw.toString()) as ClientMessage
      } catch {
        return ws.close(1003, 'JSON text frames only')
      }
      if (!authed) {
        if (msg?.type !== 'hello' || typeof msg.token !== 'string' || !sameSecret(msg.token, token)) {
          return ws.close(1008, 'bad token')
        }
        pending.delete(ws)
        if (client) return ws.close(1013, 'another client is connected')
        client = ws
        authed = true
        clearTimeout(helloTimer)
        ws.send(JSON.stringify({ type: 'ready' }))
        return onReady?.()
      }
      if (msg?.type !== 'invoke' || !Number.isSafeInteger(msg.id) || msg.id < 0) return ws.close(1003, 'invoke expected')
      const id = msg.id
      void router.dispatch(msg.name, msg.input, { transport: 'bridge' }).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result }))
      })
    })

    // An oversized or malformed frame closes this socket; it must never take main down.
    ws.on('error', () => ws.terminate())

    ws.on('close', () => {
      clearTimeout(helloTimer)
      unsubscribe()
      pending.delete(ws)
      if (client === ws) client = null
    })
  }

  server.on('upgrade', onUpgrade)
  return {
    token,
    hasClient: () => client !== null,
    close() {
      server.off('upgrade', onUpgrade)
      client?.terminate()
      for (const ws of pending) ws.terminate()
      wss.close()
    }
  }
}
