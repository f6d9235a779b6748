import { decodeStoredKey } from '../../../src-main/account/stored-key'
import { describe, expect, it } from 'vitest'
import { createKeyVault, MEMORY_ONLY_SUFFIX } from '../../../src-main/account/key-vault'
import { isAppError } from '../../../src-main/core/app-error'
import { FAKE_KEY, fakeSecrets, OTHER_KEY } from './fakes'

const flag = (initial = false) => {
  let v = initial
  return { get: () => v, set: (n: boolean) => void (v = n), value: () => v }
}

describe('key vault', () => {
  it('starts unconfigured and loads a key from the keychain with its remembered verification', async () => {
    const secrets = fakeSecrets(FAKE_KEY)
    const vault = createKeyVault({ secrets, verifiedFlag: flag(true) })
    expect(vault.status()).toMatchObject({ configured: false, backend: 'none' })
    const s = await vault.load()
    expect(s).toEqual({ configured: true, last4: 'abcd', backend: 'keychain', state: 'available', verified: true })
    expect(vault.key()).toBe(FAKE_KEY)
  })

  it('stores a key in the keychain', async () => {
    const secrets = fakeSecrets()
    const verified = flag()
    const vault = createKeyVault({ secrets, verifiedFlag: verified })
    await vault.load()
    const s = await vault.store(`  ${FAKE_KEY} `, { verified: true, base: 'https://app.krev.ai' })
    expect(s).toMatchObject({ configured: true, backend: 'keychain', verified: true, last4: 'abcd' })
    expect(s.message).toBeUndefined()
    expect(decodeStoredKey(secrets.value ?? '')).toEqual({ key: FAKE_KEY, base: 'https://app.krev.ai' })
    expect(verified.value()).toBe(true)
  })

  it.each(['unavailable', 'locked', 'error'] as const)(
    'keychain %s → keeps the key in memory for this session, explains why, writes nothing',
    async (mode) => {
      const secrets = fakeSecrets(null, mode)
      const vault = createKeyVault({ secrets })
      const loaded = await vault.load()
      expect(loaded).toMatchObject({ configured: false, backend: 'none', state: mode })
      expect(loaded.message).toBeTruthy() // the banner can warn before a key is entered
      const s = await vault.store(FAKE_KEY, { verified: false, base: 'https://app.krev.ai' })
      expect(s).toMatchObject({ configured: true, backend: 'memory', state: mode, verified: false })
      expect(s.message).toContain(MEMORY_ONLY_SUFFIX)
      expect(vault.key()).toBe(FAKE_KEY)
      expect(secrets.value).toBeNull()
    }
  )

  it('removes an older key from the keychain when a new one could only be kept in memory', async () => {
    const secrets = fakeSecrets(FAKE_KEY)
    const vault = createKeyVault({ secrets })
    await vault.load()
    secrets.mode = 'locked'
    const s = await vault.store(OTHER_KEY, { verified: true, base: 'https://app.krev.ai' })
    expect(s.backend).toBe('memory')
    expect(secrets.ops).toEqual(['get', 'set', 'delete'])
    expect(s.message).toMatch(/older key may still be in your keychain/)
  })

  it('refuses a badly formatted key and changes nothing', async () => {
    const secrets = fakeSecrets(FAKE_KEY)
    const vault = createKeyVault({ secrets })
    await vault.load()
    let caught: unknown
    try {
      await vault.store('sk_live_short', { verified: true, base: 'https://app.krev.ai' })
    } catch (error) {
      caught = error
    }
    expect(isAppError(caught) && caught.code).toBe('invalid_input')
    expect(vault.key()).toBe(FAKE_KEY)
    expect(secrets.ops).toEqual(['get'])
  })

  it('removes the key from keychain and memory', async () => {
    const secrets = fakeSecrets(FAKE_KEY)
    const verified = flag(true)
    const vault = createKeyVault({ secrets, verifiedFlag: verified })
    await vault.load()
    const s = await vault.remove()
    expect(s).toEqual({ configured: false, last4: null, backend: 'none', state: 'available', verified: false })
    expect(secrets.value).toBeNull()
    expect(vault.key()).toBeNull()
    expect(verified.value()).toBe(false)
  })

  it('says so when a keychain copy could not be removed', async () => {
    const secrets = fakeSecrets(FAKE_KEY)
    const vault = createKeyVault({ secrets })
    await vault.load()
    secrets.mode = 'error'
    const s = await vault.remove()
    expect(s.configured).toBe(false)
    expect(vault.key()).toBeNull()
    expect(s.message).toMatch(/could not be removed from your keychain/)
  })

  it('tracks verification only while a key is configured', async () => {
    const vault = createKeyVault({ secrets: fakeSecrets() })
    vault.setVerified(true)
    expect(vault.status().verified).toBe(false)
    await vault.store(FAKE_KEY, { verified: false, base: 'https://app.krev.ai' })
    vault.setVerified(true)
    expect(vault.status().verified).toBe(true)
  })

  it('never puts more than the last four characters in its status', async () => {
    const vault = createKeyVault({ secrets: fakeSecrets(null, 'unavailable') })
    await vault.store(FAKE_KEY, { verified: true, base: 'https://app.krev.ai' })
    const text = JSON.stringify(vault.status())
    expect(text).not.toContain(FAKE_KEY.slice(0, -4))
    expect(text).not.toContain('FAKEkey')
  })
})
