import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCOPES, type Scope } from '../../../src-main/sandbox'
import { boot, createProduct, type Booted } from './helpers'
import type { ImageStarted, KeyCreated } from './wire'

const ENDPOINTS: Array<{ scope: Scope; method: string; path: string; json?: unknown }> = [
  { scope: 'images', method: 'POST', path: '/images', json: { prompt: 'x' } },
  { scope: 'videos', method: 'POST', path: '/videos', json: { prompt: 'x' } },
  { scope: 'products', method: 'GET', path: '/products' },
  { scope: 'products', method: 'POST', path: '/products', json: { image_url: 'https://example.com/a.png' } },
  { scope: 'credits', method: 'GET', path: '/credits' },
  { scope: 'ads', method: 'POST', path: '/ads', json: { brief: 'x', product_ids: [] } },
  { scope: 'conversions', method: 'POST', path: '/conversions/meta', json: {} },
  { scope: 'chat', method: 'POST', path: '/chat', json: { message: 'hi' } },
  { scope: 'chat', method: 'GET', path: '/chat/runs/00000000-0000-4000-8000-000000000000' },
  { scope: 'chat', method: 'GET', path: '/chat/conversations/00000000-0000-4000-8000-000000000000' }
]

describe('sandbox authentication and scopes', () => {
  let b: Booted
  beforeAll(async () => {
    b = await boot()
  })
  afterAll(() => b.close())

  it('401 without a key, with a malformed header, and with an unknown key', async () => {
    for (const key of [null, 'sk_live_' + 'x'.repeat(32)]) {
      const { status, body } = await b.call('/credits', { key })
      expect(status).toBe(401)
      expect(body).toEqual({ success: false, error: expect.any(String) })
    }
    const res = await b.api('/credits', { key: null, headers: { authorization: 'Basic abc' } })
    expect(res.status).toBe(401)
  })

  it('every endpoint answers 403 to a key without its scope', async () => {
    for (const endpoint of ENDPOINTS) {
      const key = b.sb.createKey({ scopes: SCOPES.filter((s) => s !== endpoint.scope) })
      const { status, body } = await b.call(endpoint.path, { key, method: endpoint.method, json: endpoint.json })
      expect(status, `${endpoint.method} ${endpoint.path}`).toBe(403)
      expect(body.error).toContain(endpoint.scope)
    }
  })

  it('a key with only the scope passes the scope check', async () => {
    for (const endpoint of ENDPOINTS) {
      const key = b.sb.createKey({ scopes: [endpoint.scope] })
      const { status } = await b.call(endpoint.path, { key, method: endpoint.method, json: endpoint.json })
      expect(status, `${endpoint.method} ${endpoint.path}`).not.toBe(403)
      expect(status).not.toBe(401)
    }
  })

  it('GET /generations/{id} accepts any of images, videos or ads', async () => {
    const { body } = await b.call<ImageStarted>('/images', { json: { prompt: 'scope check' } })
    const id = body.data.generation_id
    for (const scope of ['images', 'videos', 'ads'] as const) {
      const res = await b.call(`/generations/${id}`, { key: b.sb.createKey({ scopes: [scope] }) })
      expect(res.status).toBe(200)
    }
    const denied = await b.call(`/generations/${id}`, { key: b.sb.createKey({ scopes: ['credits', 'chat', 'products'] }) })
    expect(denied.status).toBe(403)
  })

  it("another user's resources are 404, not 403", async () => {
    const product = await createProduct(b)
    const { body } = await b.call<ImageStarted>('/images', { json: { prompt: 'mine' } })
    const other = b.sb.createKey({ scopes: [...SCOPES], userId: 'someone-else' })
    expect((await b.call(`/generations/${body.data.generation_id}`, { key: other })).status).toBe(404)
    expect((await b.call(`/products?id=${product.id}`, { key: other })).status).toBe(404)
    expect((await b.call('/images', { key: other, json: { prompt: 'x', product_id: product.id } })).status).toBe(404)
  })

  it('openapi.json needs no key; unknown routes are 404 JSON, wrong methods 405 JSON', async () => {
    expect((await b.api('/openapi.json', { key: null })).status).toBe(200)
    const missing = await b.call('/does-not-exist')
    expect(missing.status).toBe(404)
    expect(missing.body.success).toBe(false)
    const wrong = await b.call('/credits', { method: 'DELETE' })
    expect(wrong.status).toBe(405)
    expect(wrong.body.success).toBe(false)
    expect(wrong.headers.get('allow')).toBe('GET')
  })

  describe('/api/v1/keys (dashboard session)', () => {
    const cookie = () => ({ cookie: `krev_session=${b.sb.dashboardSession}` })

    it('rejects bearer keys and missing sessions with 401', async () => {
      expect((await b.call('/keys', { json: { name: 'k' } })).status).toBe(401)
      expect((await b.call('/keys', { key: null, json: { name: 'k' }, headers: { cookie: 'krev_session=wrong' } })).status).toBe(401)
    })

    it('creates a full-scope key by default, which works until it is deleted', async () => {
      const created = await b.call<KeyCreated>('/keys', { key: null, headers: cookie(), json: { name: 'Automation key' } })
      expect(created.status).toBe(200)
      expect(created.body.data.key).toMatch(/^sk_live_[A-Za-z0-9]{32}$/)
      expect(created.body.data.scopes).toEqual([...SCOPES])
      const key = created.body.data.key
      expect((await b.call('/credits', { key })).status).toBe(200)
      const removed = await b.call(`/keys?id=${created.body.data.id}`, { key: null, method: 'DELETE', headers: cookie() })
      expect(removed.body.data).toEqual({ id: created.body.data.id, revoked: true })
      expect((await b.call('/credits', { key })).status).toBe(401)
      expect((await b.call(`/keys?id=${created.body.data.id}`, { key: null, method: 'DELETE', headers: cookie() })).status).toBe(404)
    })

    it('honours the requested scopes and validates them', async () => {
      const created = await b.call<KeyCreated>('/keys', { key: null, headers: cookie(), json: { name: 'Images only', scopes: ['images'] } })
      expect(created.body.data.scopes).toEqual(['images'])
      expect((await b.call('/credits', { key: created.body.data.key })).status).toBe(403)
      expect((await b.call('/keys', { key: null, headers: cookie(), json: { name: 'bad', scopes: ['root'] } })).status).toBe(400)
      expect((await b.call('/keys', { key: null, headers: cookie(), json: { scopes: ['images'] } })).status).toBe(400)
    })
  })
})
