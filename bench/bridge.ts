// The loopback bridge: the same router and event bus as Electron IPC, over a WebSocket on
// 127.0.0.1. Client and server share this process's event loop, so every round trip pays
// both sides' work one after the other: an upper bound for the page-in-a-browser case.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import WebSocket from 'ws'
import { attachLoopbackBridge, BRIDGE_PATH, type Bridge } from '../src-main/bridge/loopback-bridge'
import { EventBus } from '../src-main/ipc/event-bus'
import { createRouter } from '../src-main/ipc/router'
import {
  check,
  fmtMs,
  fmtOps,
  LATENCY_COLUMNS,
  latencyCells,
  msSince,
  nowNs,
  sample,
  within,
  type Benchmark,
  type Table
} from './lib'
import { withUnusedHandlers } from '../test/support/handlers'

type Frame = { type: string; id?: number; name?: string; result?: { ok: boolean }; payload?: unknown }

/** One connection and a FIFO of waiters for its frames. */
class Client {
  private readonly waiting: Array<(frame: Frame) => void> = []
  private readonly pending = new Map<number, (frame: Frame) => void>()
  private nextId = 1
  readonly closed: Promise<void>

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as Frame
      if (frame.type === 'result' && typeof frame.id === 'number' && this.pending.has(frame.id)) {
        const resolve = this.pending.get(frame.id)
        this.pending.delete(frame.id)
        return resolve?.(frame)
      }
      this.waiting.shift()?.(frame)
    })
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()))
  }

  static async connect(port: number, origin: string, token: string): Promise<Client> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${BRIDGE_PATH}`, { origin })
    await within(
      new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve())
        ws.once('error', reject)
        ws.once('unexpected-response', (_req, res) => reject(new Error(`bridge refused the upgrade: ${res.statusCode}`)))
      }),
      5_000,
      'bridge connect'
    )
    const client = new Client(ws)
    ws.send(JSON.stringify({ type: 'hello', token }))
    const ready = await within(client.next(), 5_000, 'bridge hello')
    if (ready.type !== 'ready') throw new Error(`expected ready, got ${ready.type}`)
    return client
  }

  /** The next frame that is not the answer to a pending invoke. */
  next(): Promise<Frame> {
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  invoke(name: string, input: unknown): Promise<Frame> {
    const id = this.nextId++
    const answered = new Promise<Frame>((resolve) => this.pending.set(id, resolve))
    this.ws.send(JSON.stringify({ type: 'invoke', id, name, input }))
    return answered
  }

  async close(): Promise<void> {
    this.ws.close()
    await within(this.closed, 5_000, 'bridge close')
  }
}

export const bridgeBenchmark: Benchmark = {
  name: 'bridge',
  title: 'Loopback bridge round trip',
  async run({ progress }) {
    const server: Server = createServer((_req, res) => res.writeHead(404).end())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    const origin = `http://127.0.0.1:${port}`
    const bus = new EventBus((name, issue) => {
      throw new Error(`event bus refused ${name}: ${issue}`)
    })
    const router = createRouter(withUnusedHandlers({ 'app.ping': async ({ message }) => ({ message, at: new Date().toISOString() }) }))
    const bridge: Bridge = attachLoopbackBridge({ server, router, bus, origin })

    try {
      progress('bridge: connect + hello')
      // The bridge takes one client at a time; each one is fully closed before the next.
      const handshake = await sample(
        async () => {
          const c = await Client.connect(port, origin, bridge.token)
          await c.close()
        },
        { warmup: 3, iterations: 30, maxMs: 3_000 }
      )

      const client = await Client.connect(port, origin, bridge.token)
      const ping = async () => {
        const frame = await client.invoke('app.ping', { message: 'hello from the bench' })
        if (!frame.result?.ok) throw new Error('app.ping failed over the bridge')
      }

      progress('bridge: sequential app.ping')
      const pings = await sample(ping, { warmup: 300, iterations: 3_000, maxMs: 6_000, minIterations: 200 })

      progress('bridge: pipelined app.ping')
      const burst = 2_000
      const burstStart = nowNs()
      const replies = await within(
        Promise.all(Array.from({ length: burst }, () => client.invoke('app.ping', { message: 'burst' }))),
        15_000,
        'pipelined pings'
      )
      const burstMs = msSince(burstStart)
      if (!replies.every((r) => r.result?.ok)) throw new Error('a pipelined ping failed')

      progress('bridge: event fan-out')
      const notice = { level: 'info', message: 'bench event', detail: 'EventBus → bridge → client' } as const
      const fanout = await sample(
        async () => {
          const received = client.next()
          bus.emit('app.notice', notice)
          const frame = await received
          if (frame.type !== 'event' || frame.name !== 'app.notice') throw new Error(`expected an event, got ${frame.type}`)
        },
        { warmup: 300, iterations: 3_000, maxMs: 6_000, minIterations: 200 }
      )

      const eventBurst = 2_000
      const eventsIn = Array.from({ length: eventBurst }, () => client.next())
      const eventStart = nowNs()
      for (let i = 0; i < eventBurst; i++) bus.emit('app.notice', notice)
      await within(Promise.all(eventsIn), 15_000, 'event burst')
      const eventBurstMs = msSince(eventStart)
      await client.close()

      const table: Table = {
        title: 'Loopback bridge (`ws` client ⇄ `attachLoopbackBridge` on 127.0.0.1, same router)',
        columns: ['case', ...LATENCY_COLUMNS],
        rows: [
          ['connect + hello → ready', ...latencyCells(handshake)],
          ['`app.ping` invoke → result, sequential', ...latencyCells(pings)],
          ['event fan-out: `EventBus.emit` → client receives', ...latencyCells(fanout)]
        ]
      }
      const rates: Table = {
        title: 'Loopback bridge throughput (one connection, pipelined)',
        columns: ['case', 'messages', 'wall time', 'messages/s'],
        rows: [
          ['`app.ping` invokes sent at once, all results back', String(burst), fmtMs(burstMs), fmtOps(burst / (burstMs / 1000))],
          ['events emitted at once, all received', String(eventBurst), fmtMs(eventBurstMs), fmtOps(eventBurst / (eventBurstMs / 1000))]
        ],
        notes: [
          'Sequential cases: 300 warm-up calls, then up to 3,000 timed (6 s cap). The client runs in the same Node process, so each round trip includes both sides\' JSON and event-loop work.'
        ]
      }
      return {
        tables: [table, rates],
        checks: [
          check('bridge `app.ping` round trip p95 < 5 ms', fmtMs(pings.p95), pings.p95 < 5),
          check('bridge event fan-out p95 < 5 ms', fmtMs(fanout.p95), fanout.p95 < 5)
        ]
      }
    } finally {
      bridge.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
