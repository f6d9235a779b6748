import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createKeyVault } from '../../../src-main/account/key-vault'
import { createKeytarSecretStore } from '../../../src-main/adapters/keytar-secret-store'
import { probeKeychain, requireKeychain, TEST_SERVICE } from './keychain-probe'
import { waitFor } from '../../support/wait-for'

const probe = await probeKeychain()
const KEY = `sk_live_${'RealKeychainCanary'.padEnd(32, '4')}`

if (!probe.reachable) {
  console.warn(`[keychain] no Secret Service reachable (${probe.reason}); real-keychain tests will skip locally, fail in CI`)
}

afterAll(async () => {
  if (probe.reachable) await probe.store.delete()
})

describe('keytar secret store on a real OS keychain', () => {
  it('sets, gets and deletes a secret', async (ctx) => {
    requireKeychain(probe, ctx)
    const { store } = probe
    expect(await store.set(KEY)).toEqual({ ok: true, value: undefined })
    expect(await store.get()).toEqual({ ok: true, value: KEY })
    // A second store instance (as after a restart) sees the same entry.
    expect(await createKeytarSecretStore({ service: TEST_SERVICE }).get()).toEqual({ ok: true, value: KEY })
    expect(await store.delete()).toEqual({ ok: true, value: true })
    expect(await store.get()).toEqual({ ok: true, value: null })
    expect(await store.delete()).toEqual({ ok: true, value: false })
    expect(store.health()).toEqual({ state: 'available' })
  })

  it('backs the vault: stored in the keychain, loaded after a "restart", removed', async (ctx) => {
    requireKeychain(probe, ctx)
    const vault = createKeyVault({ secrets: createKeytarSecretStore({ service: TEST_SERVICE }) })
    await vault.load()
    const saved = await vault.store(KEY, { verified: true, base: 'https://app.krev.ai' })
    expect(saved).toMatchObject({ configured: true, backend: 'keychain', state: 'available' })
    expect(saved.message).toBeUndefined()

    const restarted = createKeyVault({ secrets: createKeytarSecretStore({ service: TEST_SERVICE }) })
    expect(await restarted.load()).toMatchObject({ configured: true, backend: 'keychain', last4: KEY.slice(-4) })
    expect(restarted.key()).toBe(KEY)

    expect(await restarted.remove()).toMatchObject({ configured: false, backend: 'none' })
    expect(await probe.store.get()).toEqual({ ok: true, value: null })
  })

  it('the keyring files written by the Secret Service do not hold the key in plaintext', async (ctx) => {
    requireKeychain(probe, ctx)
    // Only meaningful inside scripts/with-keyring.sh, whose keyring lives in a private XDG_DATA_HOME.
    const dir = process.env.XDG_DATA_HOME ? join(process.env.XDG_DATA_HOME, 'keyrings') : ''
    if (!process.env.KREV_KEYRING_SESSION || !existsSync(dir)) ctx.skip('not inside scripts/with-keyring.sh')
    const before = keyringState(dir)
    await probe.store.set(KEY)
    // gnome-keyring writes its file a moment after answering: wait until it has.
    await waitFor(() => keyringState(dir) !== before, { message: 'the keyring file was never rewritten' })
    const files = readdirSync(dir).map((n) => join(dir, n)).filter((p) => statSync(p).isFile())
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) expect(readFileSync(file).toString('latin1')).not.toContain('RealKeychainCanary')
    await probe.store.delete()
  })
})

/** Names, sizes and modification times of the keyring files: changes when the daemon writes. */
function keyringState(dir: string): string {
  return readdirSync(dir)
    .map((n) => statSync(join(dir, n)))
    .map((st, i) => `${i}:${st.size}:${st.mtimeMs}`)
    .join('|')
}

