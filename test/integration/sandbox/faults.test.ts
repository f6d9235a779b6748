import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { FaultRuleState } from '../../../src-main/sandbox'
import { boot, createProduct, settle, type Booted } from './helpers'
import type { Credits, Envelope, Generation, ImageStarted, VideoStarted } from './wire'

/** Reads a body until the stream ends or breaks; returns the bytes and whether it broke. */
async function readAll(res: Response): Promise<{ data: Buffer; broken: boolean }> {
  const chunks: Uint8Array[] = []
  const reader = res.body!.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return { data: Buffer.concat(chunks), broken: false }
      chunks.push(value)
    }
  } catch {
    return { data: Buffer.concat(chunks), broken: true }
  }
}

describe('sandbox fault injection', () => {
  let b: Booted
  const balance = async () => (await b.call<Credits>('/credits')).body.data.credits.current as number
  beforeAll(async () => {
    b = await boot({ credits: 10_000 })
  })
  afterEach(() => b.sb.faults.clear())
  afterAll(() => b.close())

  it('status: fails N times, then lets requests through', async () => {
    const id = b.sb.faults.set({ method: 'GET', path: '/api/v1/credits', times: 2, action: { type: 'status', status: 500 } })
    const statuses = [] as number[]
    for (let i = 0; i < 3; i++) statuses.push((await b.call('/credits')).status)
    expect(statuses).toEqual([500, 500, 200])
    expect(b.sb.faults.list().find((r) => r.id === id)).toMatchObject({ seen: 3, hits: 2 })
  })

  it('after + times pick exactly which request fails; a non-processed POST charges nothing', async () => {
    b.sb.faults.set({ method: 'POST', path: '/api/v1/images', after: 1, times: 1, action: { type: 'status', status: 503, error: 'busy' } })
    const before = await balance()
    const results = []
    for (let i = 0; i < 3; i++) results.push(await b.call<ImageStarted>('/images', { json: { prompt: 'x' } }))
    expect(results.map((r) => r.status)).toEqual([200, 503, 200])
    expect(results[1].body).toEqual({ success: false, error: 'busy' })
    expect(await balance()).toBe(before - 80)
  })

  it('a processed create answering 500 is refunded, as Krev documents', async () => {
    b.sb.faults.set({ method: 'POST', path: '/api/v1/images', times: 1, process: true, action: { type: 'status', status: 500 } })
    const before = await balance()
    expect((await b.call('/images', { json: { prompt: 'x', image_count: 2 } })).status).toBe(500)
    expect(await balance()).toBe(before)
  })

  it('rate: a seeded share of requests, the same sequence every time', async () => {
    const pattern = async () => {
      b.sb.faults.clear()
      b.sb.faults.set({ path: '/api/v1/credits', rate: 0.5, seed: 42, action: { type: 'status', status: 500 } })
      const out: number[] = []
      for (let i = 0; i < 16; i++) out.push((await b.call('/credits')).status)
      return out
    }
    const first = await pattern()
    expect(await pattern()).toEqual(first)
    expect(first).toContain(500)
    expect(first).toContain(200)
  })

  it('latency delays but does not change the answer', async () => {
    const id = b.sb.faults.set({ path: '/api/v1/credits', times: 1, action: { type: 'latency', ms: 50 } })
    expect((await b.call('/credits')).status).toBe(200)
    expect(b.sb.faults.list().find((r) => r.id === id)?.hits).toBe(1)
  })

  it('rate-limit: a 429 burst with exactly the given Retry-After value', async () => {
    for (const value of ['7', 'Wed, 21 Oct 2015 07:28:00 GMT', 'soon-ish', '-3', '999999']) {
      b.sb.faults.clear()
      b.sb.faults.set({ path: '/api/v1/generations/*', times: 2, action: { type: 'rate-limit', retryAfter: value } })
      const id = '00000000-0000-4000-8000-000000000000'
      const a = await b.call(`/generations/${id}`)
      const c = await b.call(`/generations/${id}`)
      expect([a.status, c.status]).toEqual([429, 429])
      expect(a.headers.get('retry-after')).toBe(value)
      expect((await b.call(`/generations/${id}`)).status).toBe(404)
    }
    b.sb.faults.set({ path: '/api/v1/credits', times: 1, action: { type: 'rate-limit' } })
    const none = await b.call('/credits')
    expect(none.status).toBe(429)
    expect(none.headers.get('retry-after')).toBeNull()
  })

  it('truncated JSON and HTML error pages', async () => {
    b.sb.faults.set({ path: '/api/v1/credits', times: 1, action: { type: 'truncated-json' } })
    const cut = await b.api('/credits')
    expect(cut.status).toBe(200)
    const text = await cut.text()
    expect(() => JSON.parse(text)).toThrow()
    expect(text.startsWith('{"success":true')).toBe(true)

    b.sb.faults.set({ path: '/api/v1/credits', times: 1, action: { type: 'html' } })
    const html = await b.api('/credits')
    expect(html.status).toBe(502)
    expect(html.headers.get('content-type')).toMatch(/text\/html/)
    expect(await html.text()).toMatch(/<html>/)
  })

  it('truncated JSON with process: the POST took effect although the answer is unreadable', async () => {
    b.sb.faults.set({ method: 'POST', path: '/api/v1/images', times: 1, process: true, action: { type: 'truncated-json' } })
    const before = await balance()
    const res = await b.api('/images', { json: { prompt: 'x' } })
    await expect(res.json()).rejects.toThrow()
    expect(await balance()).toBe(before - 40)
  })

  it('reset after a POST was read: the generation exists and was charged exactly once', async () => {
    b.sb.faults.set({ method: 'POST', path: '/api/v1/images', times: 1, action: { type: 'reset' } })
    const before = await balance()
    await expect(b.api('/images', { json: { prompt: 'reset me' } })).rejects.toThrow()
    expect(await balance()).toBe(before - 40)
    expect((await b.call('/images', { json: { prompt: 'after' } })).status).toBe(200)
    expect(await balance()).toBe(before - 80)
  })

  it('reset-download: the connection drops after 60 % of the bytes; a Range request resumes', async () => {
    const product = await createProduct(b)
    const url = product.image_url as string
    const full = Buffer.from(await (await fetch(url)).arrayBuffer())
    b.sb.faults.set({ path: '/storage/**', times: 1, action: { type: 'reset-download', fraction: 0.6 } })
    const res = await fetch(url)
    expect(res.status).toBe(200)
    expect(Number(res.headers.get('content-length'))).toBe(full.length)
    const partial = await readAll(res)
    expect(partial.broken).toBe(true)
    expect(partial.data.length).toBeLessThan(full.length)
    const rest = await fetch(url, { headers: { range: `bytes=${partial.data.length}-` } })
    expect(rest.status).toBe(206)
    const joined = Buffer.concat([partial.data, Buffer.from(await rest.arrayBuffer())])
    expect(joined.equals(full)).toBe(true)
  })

  it('patch: odd values in a real answer (progress 150, unknown status)', async () => {
    const { body } = await b.call<ImageStarted>('/images', { json: { prompt: 'x' } })
    b.sb.faults.set({ path: '/api/v1/generations/*', times: 1, action: { type: 'patch', data: { progress: 150, status: 'exploding' } } })
    const odd = await b.call<Generation>(`/generations/${body.data.generation_id}`)
    expect(odd.body.data).toMatchObject({ id: body.data.generation_id, progress: 150, status: 'exploding' })
  })

  it('fail-generation: accepted and charged, then failed and refunded', async () => {
    b.sb.faults.set({ method: 'POST', path: '/api/v1/videos', times: 1, action: { type: 'fail-generation', error: 'Upstream model timeout' } })
    const before = await balance()
    const { body } = await b.call<VideoStarted>('/videos', { json: { prompt: 'x', duration: 4 } })
    expect(await balance()).toBe(before - 320)
    const done = await settle(b, body.data.generation_id)
    expect(done).toMatchObject({ status: 'failed', error: 'Upstream model timeout', output: null })
    expect(await balance()).toBe(before)
  })

  it('huge-body and raw responses', async () => {
    b.sb.faults.set({ path: '/api/v1/credits', times: 1, action: { type: 'huge-body', bytes: 3 * 1024 * 1024 } })
    const huge = await b.api('/credits')
    expect((await readAll(huge)).data.length).toBeGreaterThan(3 * 1024 * 1024)
    b.sb.faults.set({ path: '/api/v1/credits', times: 1, action: { type: 'raw', data: 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\nConnection: close\r\n\r\n{"success":true' } })
    const raw = await b.api('/credits')
    expect(raw.status).toBe(200)
    expect((await readAll(raw)).broken).toBe(true) // shorter than declared
  })

  it('is controllable over HTTP with the admin token', async () => {
    const admin = (path: string, init: RequestInit = {}, token: string | null = b.sb.adminToken) =>
      fetch(`${b.sb.baseUrl}${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...(token ? { 'x-sandbox-admin': token } : {}) }
      })
    const rule = { method: 'GET', path: '/api/v1/credits', times: 1, action: { type: 'status', status: 500 } }
    expect((await admin('/__sandbox/faults', { method: 'POST', body: JSON.stringify(rule) }, null)).status).toBe(401)
    expect((await admin('/__sandbox/faults', { method: 'POST', body: JSON.stringify(rule) }, 'wrong')).status).toBe(401)
    const set = await admin('/__sandbox/faults', { method: 'POST', body: JSON.stringify({ rules: [rule] }) })
    expect(((await set.json()) as Envelope<{ ids: string[] }>).data.ids).toHaveLength(1)
    expect((await b.call('/credits')).status).toBe(500)
    expect((await b.call('/credits')).status).toBe(200)
    const listed = (await (await admin('/__sandbox/faults')).json()) as Envelope<FaultRuleState[]>
    expect(listed.data[0]).toMatchObject({ hits: 1, path: '/api/v1/credits' })
    expect((await admin('/__sandbox/faults', { method: 'POST', body: JSON.stringify({ path: 'x', action: { type: 'nope' } }) })).status).toBe(400)
    await admin('/__sandbox/faults', { method: 'DELETE' })
    expect(b.sb.faults.list()).toEqual([])
    await admin('/__sandbox/credits', { method: 'POST', body: JSON.stringify({ amount: 42 }) })
    expect(await balance()).toBe(42)
    const created = await admin('/__sandbox/keys', { method: 'POST', body: JSON.stringify({ scopes: ['credits'] }) })
    const { key } = ((await created.json()) as Envelope<{ key: string }>).data
    expect((await b.call('/credits', { key })).status).toBe(200)
  })
})
