import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { wasMaybeProcessed } from '../../../src-main/krev/errors'
import {
  caught,
  creditsData,
  generationData,
  json,
  ok,
  raw,
  reset,
  scriptServer,
  testClient,
  UUID,
  type ScriptServer,
  type Step
} from './helpers'

let server: ScriptServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const started = { generation_id: UUID, images: ['https://app.krev.ai/storage/gen/a.webp'], image_count: 1, credits_used: 40 }
const fail = (status: number, error = 'boom', headers: Record<string, string> = {}): Step =>
  json(status, { success: false, error }, headers)

describe('GET retry policy', () => {
  it('500 then 200 → one backed-off retry, invisible to the caller', async () => {
    server = await scriptServer([fail(500), ok(creditsData)])
    const { client, sleeps, logs } = testClient(server.baseUrl)
    const credits = await client.credits()
    expect(credits.credits.current).toBe(1840)
    expect(server.requests).toHaveLength(2)
    // full jitter: random 0.5 × base 500 × 2^0
    expect(sleeps).toEqual([250])
    expect(logs.map((l) => [l.attempt, l.status])).toEqual([
      [1, 500],
      [2, 200]
    ])
  })

  it.each([
    ['408', fail(408)],
    ['429', fail(429)],
    ['502 HTML page', raw(502, '<html>Bad gateway</html>', 'text/html')],
    ['503', fail(503)],
    ['reset', reset]
  ])('retries %s', async (_n, first) => {
    server = await scriptServer([first, ok(creditsData)])
    const { client } = testClient(server.baseUrl)
    await expect(client.credits()).resolves.toMatchObject({ plan: 'pro' })
    expect(server.requests).toHaveLength(2)
  })

  it('gives up after maxAttempts with exponential, jittered delays', async () => {
    server = await scriptServer(fail(500, 'db down'))
    const { client, sleeps } = testClient(server.baseUrl, { random: () => 1 })
    const err = await caught(client.getGeneration(UUID))
    expect(err.code).toBe('server_error')
    expect(err.status).toBe(500)
    expect(err.serverMessage).toBe('db down')
    expect(err.message).toContain('db down')
    expect(server.requests).toHaveLength(4)
    expect(sleeps).toEqual([500, 1000, 2000])
  })

  it('honours Retry-After on a 429 (seconds)', async () => {
    server = await scriptServer([fail(429, 'slow down', { 'Retry-After': '3' }), ok(generationData())])
    const { client, sleeps } = testClient(server.baseUrl, { random: () => 0 })
    await client.getGeneration(UUID)
    expect(sleeps).toEqual([3000])
  })

  it('falls back to default backoff on a garbage Retry-After, and clamps a huge one', async () => {
    server = await scriptServer([fail(429, 'x', { 'Retry-After': 'soon' }), fail(429, 'x', { 'Retry-After': '86400' }), ok(creditsData)])
    const { client, sleeps } = testClient(server.baseUrl, { random: () => 0, retry: { maxRetryAfterMs: 60_000 } })
    await client.credits()
    expect(sleeps).toEqual([0, 60_000])
  })

  it('reports retryAfterMs on the final 429', async () => {
    server = await scriptServer(fail(429, 'x', { 'Retry-After': '7' }))
    const { client } = testClient(server.baseUrl, { retry: { maxAttempts: 1 } })
    const err = await caught(client.credits())
    expect(err.code).toBe('rate_limited')
    expect(err.retryAfterMs).toBe(7000)
    expect(err.retryable).toBe(true)
  })

  it('retries a response timeout', async () => {
    let n = 0
    server = await scriptServer((req, res) => {
      if (n++ === 0) return // never answer
      ok(creditsData)(req, res, Buffer.alloc(0))
    })
    const { client } = testClient(server.baseUrl, { responseTimeoutMs: 150 })
    await expect(client.credits()).resolves.toMatchObject({ plan: 'pro' })
    expect(server.requests).toHaveLength(2)
  })
})

describe('POST retry policy (creating requests)', () => {
  it('500 → not retried (Krev refunds; the queue decides)', async () => {
    server = await scriptServer([fail(500, 'generation backend crashed'), ok(started)])
    const { client, sleeps } = testClient(server.baseUrl)
    const err = await caught(client.generateImages({ prompt: 'wallet' }))
    expect(err.code).toBe('server_error')
    expect(err.serverMessage).toBe('generation backend crashed')
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('429 → retried after Retry-After', async () => {
    server = await scriptServer([fail(429, 'rate', { 'Retry-After': '2' }), ok(started)])
    const { client, sleeps } = testClient(server.baseUrl)
    const g = await client.generateImages({ prompt: 'wallet' })
    expect(g.urls).toEqual(started.images)
    expect(server.requests).toHaveLength(2)
    expect(sleeps).toEqual([2000 + 250])
  })

  it('connection refused (before sending) → retried', async () => {
    // Find a free port, leave it closed for the first attempt, open it during the backoff.
    const probe = http.createServer()
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
    const port = (probe.address() as AddressInfo).port
    await new Promise<void>((r) => probe.close(() => r()))
    const sleeps: number[] = []
    const { client, logs } = testClient(`http://127.0.0.1:${port}`, {
      sleep: async (ms) => {
        sleeps.push(ms)
        server = await scriptServer(ok(started), port)
      }
    })
    const g = await client.generateImages({ prompt: 'wallet' })
    expect(g.generation_id).toBe(UUID)
    expect(sleeps).toHaveLength(1)
    expect(server!.requests).toHaveLength(1)
    expect(logs[0].status).toBeUndefined()
  })

  it('TLS handshake never completes (connect timeout, nothing sent) → retried, not maybe-processed', async () => {
    // A TCP server that accepts and then says nothing: the TLS handshake hangs, so the
    // HTTP request was never written.
    const sockets: net.Socket[] = []
    const tcp = net.createServer((s) => sockets.push(s))
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r))
    try {
      const port = (tcp.address() as AddressInfo).port
      const { client, sleeps } = testClient(`https://127.0.0.1:${port}`, { connectTimeoutMs: 100, retry: { maxAttempts: 2 } })
      const err = await caught(client.generateImages({ prompt: 'wallet' }))
      expect(err.code).toBe('timeout')
      expect(err.retryable).toBe(true)
      expect(wasMaybeProcessed(err)).toBe(false)
      expect(sockets).toHaveLength(2)
      expect(sleeps).toHaveLength(1)
    } finally {
      for (const s of sockets) s.destroy()
      await new Promise<void>((r) => tcp.close(() => r()))
    }
  })

  it('connection reset after sending → NOT retried, marked maybe-processed', async () => {
    server = await scriptServer([reset, ok(started)])
    const { client } = testClient(server.baseUrl)
    const err = await caught(client.generateVideo({ prompt: 'sneakers', duration: 5 }))
    expect(err.code).toBe('network')
    expect(err.retryable).toBe(false)
    expect(wasMaybeProcessed(err)).toBe(true)
    expect(err.message).toMatch(/may still be processing/)
    expect(server.requests).toHaveLength(1)
  })

  it('response timeout after sending → NOT retried, marked maybe-processed', async () => {
    server = await scriptServer(() => undefined)
    const { client } = testClient(server.baseUrl, { responseTimeoutMs: 150 })
    const err = await caught(client.startChat({ message: 'hi' }))
    expect(err.code).toBe('timeout')
    expect(wasMaybeProcessed(err)).toBe(true)
    expect(server.requests).toHaveLength(1)
  })

  it('a GET failure is never marked maybe-processed', async () => {
    server = await scriptServer(reset)
    const { client } = testClient(server.baseUrl, { retry: { maxAttempts: 1 } })
    const err = await caught(client.credits())
    expect(err.code).toBe('network')
    expect(err.retryable).toBe(true)
    expect(wasMaybeProcessed(err)).toBe(false)
  })
})

describe('statuses that are never retried', () => {
  const table: [number, string][] = [
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [402, 'insufficient_credits'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [413, 'payload_too_large']
  ]
  it.each(table)('%i → %s, GET and POST, one request each', async (status, code) => {
    server = await scriptServer(fail(status, `server says ${status}`))
    const { client, sleeps } = testClient(server.baseUrl)
    const e1 = await caught(client.getGeneration(UUID))
    const e2 = await caught(client.generateImages({ prompt: 'x' }))
    for (const e of [e1, e2]) {
      expect(e.code).toBe(code)
      expect(e.status).toBe(status)
      expect(e.retryable).toBe(false)
      expect(e.serverMessage).toBe(`server says ${status}`)
    }
    expect(server.requests).toHaveLength(2)
    expect(sleeps).toEqual([])
  })
})

describe('cancellation', () => {
  it('aborting an in-flight request rejects with cancelled', async () => {
    server = await scriptServer(() => undefined)
    const { client } = testClient(server.baseUrl)
    const ac = new AbortController()
    const p = client.credits(ac.signal)
    setTimeout(() => ac.abort(), 50)
    const err = await caught(p)
    expect(err.code).toBe('cancelled')
    expect(err.retryable).toBe(false)
  })
})
