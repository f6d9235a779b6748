import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecordedRequest } from '../../../src-main/sandbox/request-log'
import { boot, type Booted } from './helpers'
import type { Envelope } from './wire'

describe('GET /__sandbox/requests: the generation bodies the sandbox received', () => {
  let b: Booted
  beforeAll(async () => {
    b = await boot()
  })
  afterAll(() => b.close())

  const admin = (query = '', token: string | null = b.sb.adminToken) =>
    fetch(`${b.sb.baseUrl}/__sandbox/requests${query}`, { headers: token ? { 'x-sandbox-admin': token } : {} })

  it('records accepted and refused bodies exactly as sent, and needs the admin token', async () => {
    const image = { prompt: 'wallet on marble', aspect_ratio: '4:3', image_count: 2, hd: true, preset_id: 'flat_lay' }
    expect((await b.api('/images', { method: 'POST', json: image })).status).toBe(200)
    expect((await b.api('/ads', { method: 'POST', json: { brief: 'no products' } })).status).toBe(400)
    await b.api('/credits')

    const res = await admin()
    expect(res.status).toBe(200)
    const all = ((await res.json()) as Envelope<RecordedRequest[]>).data
    expect(all.map((r) => [r.path, r.body])).toEqual([
      ['/api/v1/images', image],
      ['/api/v1/ads', { brief: 'no products' }]
    ])
    const ads = ((await (await admin('?path=/api/v1/ads')).json()) as Envelope<RecordedRequest[]>).data
    expect(ads).toHaveLength(1)
    const after = ((await (await admin(`?after=${all[0]!.seq}`)).json()) as Envelope<RecordedRequest[]>).data
    expect(after.map((r) => r.path)).toEqual(['/api/v1/ads'])

    expect((await admin('', null)).status).toBe(401)
    expect((await admin('', 'wrong-token')).status).toBe(401)
    expect((await admin('?after=x')).status).toBe(400)
  })
})
