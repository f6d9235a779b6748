import { inspect } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/core/app-error'
import type { RequestInfo } from '../../../src-main/krev/types'
import { caught, json, raw, reset, scriptServer, testClient, KEY, UUID, type ScriptServer, type Step } from './helpers'

/**
 * Makes every kind of failure with a known key and scans everything a caller, a log or
 * the renderer could ever see: message, stack, JSON, the cause chain, serverMessage,
 * toShape(), util.inspect, and every onRequest payload.
 */

let server: ScriptServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function everythingVisible(err: unknown): string {
  const parts: string[] = []
  let e: unknown = err
  for (let depth = 0; e && depth < 5; depth++) {
    const x = e as Error & Record<string, unknown>
    parts.push(String(x.message), String(x.stack), JSON.stringify(x), inspect(x, { depth: 5, showHidden: true }))
    if (x instanceof AppError) parts.push(JSON.stringify(x.toShape()), String(x.serverMessage))
    e = x.cause
  }
  return parts.join('\n')
}

const echoKey: Step = (req, res, body) =>
  json(401, { success: false, error: `Invalid API key: ${req.headers.authorization} (${KEY})` })(req, res, body)

describe('the API key never leaks', () => {
  const scenarios: [string, Step | Step[], Record<string, unknown>?][] = [
    ['401 echoing the key and header', echoKey],
    ['403', json(403, { success: false, error: `Key ${KEY} lacks scope` })],
    ['429 exhausted', json(429, { success: false, error: KEY }, { 'Retry-After': '1' })],
    ['500 with HTML', raw(500, `<html>${KEY}</html>`, 'text/html')],
    ['200 success:false echoing the key', json(200, { success: false, error: `bad ${KEY}` })],
    ['200 truncated JSON', raw(200, `{"success":true,"data":{"x":"${KEY}`)],
    ['reset', reset],
    ['timeout', () => undefined, { responseTimeoutMs: 100 }]
  ]

  it.each(scenarios)('%s', async (_name, steps, extra) => {
    server = await scriptServer(steps)
    const logs: RequestInfo[] = []
    const { client } = testClient(server.baseUrl, { onRequest: (i) => logs.push(i), ...(extra ?? {}) })
    const errors = [
      await caught(client.credits()),
      await caught(client.generateImages({ prompt: 'p' })),
      await caught(client.getGeneration(UUID))
    ]
    for (const err of errors) {
      expect(err).toBeInstanceOf(AppError)
      const visible = everythingVisible(err)
      expect(visible).not.toContain(KEY)
      expect(visible).not.toMatch(/Bearer\s+sk_/)
      expect(visible).not.toMatch(/authorization/i)
    }
    expect(logs.length).toBeGreaterThan(0)
    for (const log of logs) {
      expect(Object.keys(log).sort()).toEqual(expect.arrayContaining(['attempt', 'method', 'ms', 'path']))
      expect(JSON.stringify(log)).not.toContain(KEY)
      expect(JSON.stringify(log)).not.toMatch(/authorization|bearer/i)
    }
  })

  it('redacts the key from the server text but keeps the rest', async () => {
    server = await scriptServer(echoKey)
    const err = await caught(testClient(server.baseUrl).client.credits())
    expect(err.code).toBe('unauthorized')
    expect(err.serverMessage).toContain('[redacted]')
  })

  it('connection refused and local validation failures', async () => {
    const { client } = testClient('http://127.0.0.1:1', { retry: { maxAttempts: 1 } })
    for (const err of [
      await caught(client.credits()),
      await caught(client.generateImages({ prompt: '', reference_images: [`https://${KEY}.example/`] }))
    ]) {
      expect(everythingVisible(err)).not.toContain(KEY)
    }
  })

  it('a key with forbidden characters is refused without being echoed or sent', async () => {
    server = await scriptServer(json(200, {}))
    const bad = `${KEY}\r\nX-Injected: 1`
    const { client } = testClient(server.baseUrl, { getKey: () => bad })
    const err = await caught(client.credits())
    expect(err.code).toBe('unauthorized')
    expect(everythingVisible(err)).not.toContain(KEY)
    expect(server.requests).toHaveLength(0)
  })

  it('no key → unauthorized, nothing sent; a throwing key store does not leak its error', async () => {
    server = await scriptServer(json(200, {}))
    const none = testClient(server.baseUrl, { getKey: async () => null }).client
    expect((await caught(none.credits())).code).toBe('unauthorized')
    const broken = testClient(server.baseUrl, {
      getKey: async () => {
        throw new Error(`keychain said ${KEY}`)
      }
    }).client
    const err = await caught(broken.credits())
    expect(err.code).toBe('keychain_unavailable')
    expect(everythingVisible(err)).not.toContain(KEY)
    expect(server.requests).toHaveLength(0)
  })
})
