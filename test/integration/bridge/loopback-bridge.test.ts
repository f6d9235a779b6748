import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import WebSocket from 'ws'
import { attachLoopbackBridge, BRIDGE_PATH, type Bridge } from '../../../src-main/bridge/loopback-bridge'
import { EventBus } from '../../../src-main/ipc/event-bus'
import { createRouter } from '../../../src-main/ipc/router'
import { waitFor } from '../../support/wait-for'
import { withUnusedHandlers } from '../../support/handlers'

let server: Server
let bridge: Bridge
let bus: EventBus
let origin: string
let port: number

beforeEach(async () => {
  server = createServer((_req, res) => res.writeHead(404).end())
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  bus = new EventBus()
  const router = createRouter(withUnusedHandlers({
    'app.ping': async ({ message }) => ({ message, at: 'now' })
  }))
  bridge = attachLoopbackBridge({ server, router, bus, origin })
})

afterEach(async () => {
  bridge.close()
  server.closeAllConnections()
  await new Promise<void>((ok) => server.close(() => ok()))
})

function open(headers: Record<string, string> = {}, host = `127.0.0.1:${port}`): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${port}${BRIDGE_PATH}`, { headers: { origin, host, ...headers } })
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((ok) => ws.once('message', (d) => ok(JSON.parse(d.toString()) as Record<string, unknown>)))
}

function outcome(ws: WebSocket): Promise<{ status?: number; code?: number }> {
  return new Promise((ok) => {
    ws.once('unexpected-response', (_req, res) => ok({ status: res.statusCode }))
    ws.once('close', (code) => ok({ code }))
  })
}

async function authed(): Promise<WebSocket> {
  const ws = open()
  await new Promise((ok) => ws.once('open', ok))
  ws.send(JSON.stringify({ type: 'hello', token: bridge.token }))
  expect(await nextMessage(ws)).toEqual({ type: 'ready' })
  return ws
}

describe('loopback bridge', () => {
  it('uses a random 32-byte token', () => {
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/)
  })

  it('round-trips a command through the router', async () => {
    const ws = await authed()
    ws.send(JSON.stringify({ type: 'invoke', id: 7, name: 'app.ping', input: { message: 'hello' } }))
    expect(await nextMessage(ws)).toEqual({ type: 'result', id: 7, result: { ok: true, data: { message: 'hello', at: 'now' } } })
    ws.close()
  })

  it('answers malformed commands with typed errors, not a crash', async () => {
    const ws = await authed()
    ws.send(JSON.stringify({ type: 'invoke', id: 1, name: '__proto__', input: {} }))
    const reply = (await nextMessage(ws)) as { result: { ok: boolean; error: { code: string } } }
    expect(reply.result.error.code).toBe('unknown_command')
    ws.send(JSON.stringify({ type: 'invoke', id: 2, name: 'app.ping', input: { message: 5 } }))
    const second = (await nextMessage(ws)) as { result: { ok: boolean; error: { code: string } } }
    expect(second.result.error.code).toBe('invalid_input')
    ws.close()
  })

  it('pushes bus events to the client once authenticated', async () => {
    const ws = await authed()
    const got = nextMessage(ws)
    bus.emit('app.notice', { level: 'info', message: 'hi' })
    expect(await got).toEqual({ type: 'event', name: 'app.notice', payload: { level: 'info', message: 'hi' } })
    ws.close()
  })

  it('refuses a foreign Origin', async () => {
    expect(await outcome(open({ origin: 'http://evil.example' }))).toEqual({ status: 403 })
    expect(await outcome(open({ origin: `http://localhost:${port}` }))).toEqual({ status: 403 })
  })

  it('refuses a foreign Host (DNS rebinding)', async () => {
    expect(await outcome(open({}, `rebind.example:${port}`))).toEqual({ status: 403 })
  })

  it('refuses a wrong token', async () => {
    const ws = open()
    await new Promise((ok) => ws.once('open', ok))
    const closed = outcome(ws)
    ws.send(JSON.stringify({ type: 'hello', token: 'f'.repeat(64) }))
    expect(await closed).toEqual({ code: 1008 })
  })

  it('refuses invokes before hello', async () => {
    const ws = open()
    await new Promise((ok) => ws.once('open', ok))
    const closed = outcome(ws)
    ws.send(JSON.stringify({ type: 'invoke', id: 1, name: 'app.ping', input: { message: 'x' } }))
    expect(await closed).toEqual({ code: 1008 })
  })

  it('serves one client at a time', async () => {
    const first = await authed()
    expect(await outcome(open())).toEqual({ status: 409 })
    expect(bridge.hasClient()).toBe(true)
    first.close()
    await waitFor(() => !bridge.hasClient(), { message: 'the bridge kept the closed client' })
    const again = await authed()
    again.close()
  })

  it('a socket that never says hello does not take the client slot (issue 8)', async () => {
    const squatter = open()
    await new Promise((ok) => squatter.once('open', ok))
    const ws = await authed() // the real page still gets in
    ws.send(JSON.stringify({ type: 'invoke', id: 3, name: 'app.ping', input: { message: 'hi' } }))
    expect(await nextMessage(ws)).toMatchObject({ type: 'result', id: 3 })
    // The squatter now proving a token cannot take the slot over.
    const closed = outcome(squatter)
    squatter.send(JSON.stringify({ type: 'hello', token: bridge.token }))
    expect(await closed).toEqual({ code: 1013 })
    ws.close()
  })

  for (const id of [1.5, -1, '7', null, 1e300]) {
    it(`refuses an invoke whose id is not a non-negative integer (${String(id)})`, async () => {
      const ws = await authed()
      const closed = outcome(ws)
      ws.send(JSON.stringify({ type: 'invoke', id, name: 'app.ping', input: { message: 'x' } }))
      expect(await closed).toEqual({ code: 1003 })
    })
  }

  it('caps the payload size', async () => {
    const ws = await authed()
    const closed = outcome(ws)
    ws.send(JSON.stringify({ type: 'invoke', id: 1, name: 'app.ping', input: { message: 'x'.repeat(40 * 1024 * 1024) } }))
    expect(await closed).toEqual({ code: 1009 })
  })

  it('only listens on the bridge path', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/other`, { headers: { origin } })
    expect(await outcome(ws)).toEqual({ status: 404 })
  })
})

