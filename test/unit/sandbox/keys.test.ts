import { createHash } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addKey, ensureDefaultKey, findKey, fromStoredKey, hashKey, keyPrefix, redactKeys } from '../../../src-main/sandbox/keys'
import { Store } from '../../../src-main/sandbox/store'
import type { SandboxState } from '../../../src-main/sandbox/types'
import { tempDirs } from '../../support/temp-dirs'

const KEY = `sk_live_${'Ab12'.repeat(8)}`
const quiet = () => undefined

describe('sandbox API keys are kept as hashes', () => {
  const dir = tempDirs('krev-sbx-keys-')

  it('hash is SHA-256 hex; prefix is sk_live_ plus 4; redaction keeps only prefix and last 4', () => {
    expect(hashKey(KEY)).toBe(createHash('sha256').update(KEY).digest('hex'))
    expect(keyPrefix(KEY)).toBe('sk_live_Ab12')
    expect(redactKeys(`{"secret":"${KEY}"}`)).toBe('{"secret":"sk_live_Ab12…Ab12"}')
  })

  it('addKey hands out the plaintext once and stores only hash, prefix and last4', async () => {
    const store = await Store.open(await dir(), quiet)
    const { record, secret } = addKey(store, { userId: 'default' })
    expect(record).toMatchObject({ hash: hashKey(secret), prefix: keyPrefix(secret), last4: secret.slice(-4) })
    expect(JSON.stringify(record)).not.toContain(secret)
    expect(findKey(store, secret)).toBe(record)
    expect(findKey(store, KEY)).toBeUndefined()
    await store.close()
  })

  it('migrates a state.json with plaintext secrets as soon as it is opened', async () => {
    const d = await dir()
    const legacy = {
      version: 1,
      secret: 'signing-secret',
      dashboardSession: 'session',
      users: { default: { id: 'default', credits: 10, limit: 2500, plan: 'pro', planName: 'Pro' } },
      keys: [{ id: 'k1', name: 'Default key', secret: KEY, userId: 'default', scopes: ['credits'], createdAt: '2026-01-01T00:00:00Z', revokedAt: null }],
      products: [],
      generations: [],
      conversations: [],
      runs: []
    }
    await writeFile(join(d, 'state.json'), JSON.stringify(legacy))
    // A temp file a crash left behind mid-write holds the same plaintext.
    await writeFile(join(d, 'state.json.4242.1700000000000.tmp'), JSON.stringify(legacy))
    const store = await Store.open(d, quiet)
    expect(await readdir(d)).toEqual(['state.json'])
    // Rewritten before anything else happens, not at the next change.
    const text = await readFile(join(d, 'state.json'), 'utf8')
    expect(text).not.toContain(KEY)
    const saved = (JSON.parse(text) as SandboxState).keys[0]
    expect(saved).toEqual({ id: 'k1', name: 'Default key', hash: hashKey(KEY), prefix: 'sk_live_Ab12', last4: 'Ab12', userId: 'default', scopes: ['credits'], createdAt: '2026-01-01T00:00:00Z', revokedAt: null })
    expect(findKey(store, KEY)?.id).toBe('k1')
    await store.close()
  })

  it('drops a key record with neither secret nor hash', () => {
    expect(fromStoredKey({ id: 'x', name: 'broken' })).toBeNull()
    expect(fromStoredKey({ id: 'x', hash: 'not-hex' })).toBeNull()
  })

  it('a corrupt state.json is set aside with key-shaped strings redacted', async () => {
    const d = await dir()
    await writeFile(join(d, 'state.json'), `{"version":1,"keys":[{"secret":"${KEY}"`)
    const store = await Store.open(d, quiet)
    await store.close()
    const aside = (await readdir(d)).find((f) => f.startsWith('state.json.corrupt-'))
    expect(aside).toBeDefined()
    const kept = await readFile(join(d, aside ?? ''), 'utf8')
    expect(kept).not.toContain(KEY)
    expect(kept).toContain('sk_live_Ab12…Ab12')
  })

  it('ensureDefaultKey: explicit keys are registered or re-activated with every scope; none given mints a new one', async () => {
    const store = await Store.open(await dir(), quiet)
    expect(ensureDefaultKey(store, KEY)).toBe(KEY)
    const record = findKey(store, KEY)
    if (!record) throw new Error('not registered')
    record.revokedAt = '2026-01-01T00:00:00Z'
    record.scopes = ['chat']
    expect(ensureDefaultKey(store, KEY)).toBe(KEY)
    expect(record).toMatchObject({ revokedAt: null, userId: 'default' })
    expect(record.scopes).toHaveLength(7)
    expect(store.keys.size).toBe(1)
    const minted = ensureDefaultKey(store, undefined)
    expect(minted).not.toBe(ensureDefaultKey(store, undefined))
    expect(store.keys.size).toBe(3)
    expect(() => ensureDefaultKey(store, 'sk_live_short')).toThrow(/32 letters or digits/)
    await store.close()
  })
})
