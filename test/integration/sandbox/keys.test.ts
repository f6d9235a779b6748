import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hashKey } from '../../../src-main/sandbox/keys'
import type { SandboxState } from '../../../src-main/sandbox/types'
import { boot, filesHolding, settle, type Booted } from './helpers'
import type { Envelope, ImageStarted, KeyCreated, KeyRevoked } from './wire'
import { tempDirs } from '../../support/temp-dirs'

/** Every way a key comes into being; returns the plaintexts handed out. */
async function mintKeysEveryWay(b: Booted): Promise<string[]> {
  const cookie = { cookie: `krev_session=${b.sb.dashboardSession}` }
  const dashboard = await b.call<KeyCreated>('/keys', { key: null, headers: cookie, json: { name: 'Automation key' } })
  expect(dashboard.status).toBe(200)
  const handle = b.sb.createKey({ scopes: ['credits'], userId: 'second-user' })
  const res = await fetch(`${b.sb.baseUrl}/__sandbox/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sandbox-admin': b.sb.adminToken },
    body: JSON.stringify({ scopes: ['images'] })
  })
  const admin = ((await res.json()) as Envelope<{ key: string }>).data.key
  return [b.sb.key, dashboard.body.data.key, handle, admin]
}

describe('sandbox API keys never reach a file', () => {
  const freshDir = tempDirs('krev-sbx-test-', 'all')

  it('after creating keys, generating and restarting, no file under dataDir holds any key', async () => {
    const dataDir = await freshDir()
    const explicit = `sk_live_${'Q'.repeat(32)}`
    const first = await boot({ dataDir, key: explicit })
    const keys = await mintKeysEveryWay(first)
    const started = await first.call<ImageStarted>('/images', { json: { prompt: 'a key-free render' } })
    expect((await settle(first, started.body.data.generation_id)).status).toBe('succeeded')
    await first.close()
    expect(await filesHolding(dataDir, keys)).toEqual([])

    const second = await boot({ dataDir })
    keys.push(second.sb.key, ...(await mintKeysEveryWay(second)))
    // Every key from before the restart still authenticates (by hash).
    for (const key of keys.slice(0, 3)) expect((await second.call('/credits', { key })).status).toBe(200)
    await second.close()
    const third = await boot({ dataDir, key: explicit })
    expect(third.sb.key).toBe(explicit)
    expect((await third.call('/credits')).status).toBe(200)
    await third.close()

    expect(await filesHolding(dataDir, keys)).toEqual([])
    const state = JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8')) as SandboxState
    const hashes = state.keys.map((k) => k.hash)
    for (const key of keys) expect(hashes).toContain(hashKey(key))
    for (const record of state.keys) expect(Object.keys(record).sort()).toEqual(['createdAt', 'hash', 'id', 'last4', 'name', 'prefix', 'revokedAt', 'scopes', 'userId'])
  })

  it('without a key each start mints a new default key; earlier ones stay valid', async () => {
    const dataDir = await freshDir()
    const seen: string[] = []
    for (let i = 0; i < 3; i++) {
      const b = await boot({ dataDir })
      seen.push(b.sb.key)
      for (const key of seen) expect((await b.call('/credits', { key })).status).toBe(200)
      await b.close()
    }
    expect(new Set(seen).size).toBe(3)
  })

  it('POST /keys shows the key once with prefix and last 4; a revoked explicit key is re-activated on start', async () => {
    const dataDir = await freshDir()
    const explicit = `sk_live_${'R'.repeat(28)}wxyz`
    const first = await boot({ dataDir, key: explicit })
    const cookie = { cookie: `krev_session=${first.sb.dashboardSession}` }
    const created = await first.call<KeyCreated>('/keys', { key: null, headers: cookie, json: { name: 'Shown once' } })
    const { key, key_prefix: prefix, key_last4: last4 } = created.body.data
    expect(prefix).toBe(key.slice(0, 12))
    expect(last4).toBe(key.slice(-4))
    // Revoke the explicit default key itself (found by id through the hash map).
    const state = JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8')) as SandboxState
    const own = state.keys.find((k) => k.hash === hashKey(explicit))
    const revoked = await first.call<KeyRevoked>(`/keys?id=${own?.id}`, { key: null, method: 'DELETE', headers: cookie })
    expect(revoked.body.data).toEqual({ id: own?.id, revoked: true })
    expect((await first.call('/credits')).status).toBe(401)
    await first.close()

    const second = await boot({ dataDir, key: explicit })
    try {
      expect((await second.call('/credits')).status).toBe(200)
      expect((await second.call('/credits', { key })).status).toBe(200)
    } finally {
      await second.close()
    }
  })
})
