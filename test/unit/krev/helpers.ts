import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AppError } from '../../../src-main/core/app-error'
import { createKrevClient } from '../../../src-main/krev/client'
import type { KrevClient, KrevClientOptions, RequestInfo } from '../../../src-main/krev/types'

/** A known key, so tests can prove it never leaks anywhere. */
export const KEY = 'sk_live_TESTSECRET_0123456789abcdef'
export const UUID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b'
export const UUID2 = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'

export interface Recorded {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: Buffer
}

export type Step = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void

export interface ScriptServer {
  baseUrl: string
  port: number
  requests: Recorded[]
  close(): Promise<void>
}

/**
 * A tiny node:http server scripted per test: request n is answered by steps[n] (the
 * last step repeats). Every request is recorded with its body.
 */
export async function scriptServer(steps: Step[] | Step, port = 0): Promise<ScriptServer> {
  const list = Array.isArray(steps) ? steps : [steps]
  const requests: Recorded[] = []
  const sockets = new Set<import('node:net').Socket>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const n = requests.length
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      const step = list[Math.min(n, list.length - 1)]
      step(req, res, body)
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    baseUrl: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Step =>
  (_req, res) => {
    const text = JSON.stringify(body)
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers })
    res.end(text)
  }

export const raw =
  (status: number, text: string, contentType = 'application/json'): Step =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) })
    res.end(text)
  }

/** Destroys the connection after the request arrived: "reset after sending". */
export const reset: Step = (req) => req.socket.destroy()

export const ok = (data: unknown): Step => json(200, { success: true, data })

export const creditsData = {
  plan: 'pro',
  plan_name: 'Pro',
  credits: { current: 1840, limit: 2500, current_formatted: '1,840', limit_formatted: '2,500' },
  storage: { used_bytes: 1, limit_bytes: 2, used_formatted: '1 B', limit_formatted: '2 B' },
  resets_at: '2026-03-01T00:00:00Z'
}

export const generationData = (over: Record<string, unknown> = {}) => ({
  id: UUID,
  kind: 'image',
  status: 'succeeded',
  progress: 100,
  output: { urls: ['https://app.krev.ai/storage/gen/img_001.webp'] },
  error: null,
  created_at: '2026-02-14T12:00:00Z',
  completed_at: '2026-02-14T12:00:45Z',
  ...over
})

export interface TestClient {
  client: KrevClient
  sleeps: number[]
  logs: RequestInfo[]
}

/** A client with no real waiting: sleep records the delay and resolves at once. */
export function testClient(baseUrl: string, over: Partial<KrevClientOptions> = {}): TestClient {
  const sleeps: number[] = []
  const logs: RequestInfo[] = []
  const client = createKrevClient({
    baseUrl,
    getKey: () => KEY,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0.5,
    onRequest: (i) => logs.push(i),
    resolveHost: async () => ['93.184.216.34'],
    ...over
  })
  return { client, sleeps, logs }
}

/** Awaits a promise expected to reject and returns the error. */
export async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    return e as AppError
  }
  throw new Error('expected a rejection')
}
