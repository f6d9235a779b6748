import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../../src-main/core/app-error'
import { createKrevClient } from '../../../src-main/krev/client'

// The lowest level that writes `Authorization`: the client itself refuses to attach a key
// to any origin but the one it is bound to, and never follows a redirect with it.
const KEY = 'sk_live_OriginBoundKey_0123456789'
const servers: Server[] = []
const hits: Record<string, IncomingHttpHeaders[]> = { api: [], trap: [] }
let api: string
let trap: string

async function listen(name: 'api' | 'trap', handler: (res: import('node:http').ServerResponse) => void): Promise<string> {
  const s = createServer((req, res) => {
    hits[name]!.push(req.headers)
    handler(res)
  })
  servers.push(s)
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok))
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`
}

beforeAll(async () => {
  trap = await listen('trap', (res) => res.writeHead(200).end('{}'))
  api = await listen('api', (res) => res.writeHead(307, { location: `${trap}/api/v1/credits` }).end())
})
afterAll(async () => {
  for (const s of servers) await new Promise<void>((ok) => s.close(() => ok()))
})

describe('key bound to its origin', () => {
  it('refuses to send a key bound to another origin, before any byte leaves', async () => {
    hits.trap = []
    const client = createKrevClient({ baseUrl: trap, getKey: () => ({ key: KEY, origin: api }), retry: { maxAttempts: 1 } })
    const error = await client.credits().catch((e: unknown) => e)
    expect(isAppError(error) && error.code).toBe('unauthorized')
    expect(hits.trap).toEqual([])
  })

  it('a redirect from the API to another origin is not followed with the key', async () => {
    hits.api = []
    hits.trap = []
    const client = createKrevClient({ baseUrl: api, getKey: () => ({ key: KEY, origin: api }), retry: { maxAttempts: 1 } })
    await client.credits().catch(() => undefined)
    expect(hits.api[0]?.authorization).toBe(`Bearer ${KEY}`)
    expect(hits.trap).toEqual([])
  })
})
