import type { KeyStatus } from '../../src-preload/contract'
import { keyLast4, normalizeApiKey } from './api-key'
import { decodeStoredKey, encodeStoredKey, type StoredKey } from './stored-key'
import type { KeychainHealth, SecretStore } from './secret-store'

/**
 * Holds the API key for main. It fails closed: when no keychain works, the key is kept
 * in memory for this session only and the status says why and how to fix it. The key is
 * never written anywhere else, and only `keyStatus` (last 4 characters) ever leaves here.
 */
export interface KeyVault {
  /** Reads the key from the keychain at start (bounded by the store's timeout). */
  load(): Promise<KeyStatus>
  status(): KeyStatus
  /** For the Krev client's `getKey` only. Never log it, never send it to the renderer. */
  key(): string | null
  /**
   * The key with the API base it was verified against (null: a key saved before keys were
   * bound, see `bindLegacy`). The connection uses the key only for that base.
   */
  bound(): StoredKey | null
  /** Stores a key that has already passed the format check (checked again here), bound to `base`. */
  store(key: string, opts: { verified: boolean; base: string }): Promise<KeyStatus>
  /**
   * Binds the stored key to another API base. Only after the user re-entered the key or
   * approved a native confirmation naming the new host (account-service.ts). Leaves the
   * "verified" flag to the caller.
   */
  rebind(base: string): Promise<KeyStatus>
  remove(): Promise<KeyStatus>
  setVerified(verified: boolean): void
}

export interface KeyVaultOptions {
  secrets: SecretStore
  /** Where "Krev accepted this key" is remembered between runs (app state); never the key. */
  verifiedFlag?: { get(): boolean; set(verified: boolean): void }
}

export const MEMORY_ONLY_SUFFIX = 'Your key is kept in memory for this session only and was not saved to disk.'

export function createKeyVault(opts: KeyVaultOptions): KeyVault {
  const { secrets } = opts
  let key: string | null = null
  let base: string | null = null
  let backend: KeyStatus['backend'] = 'none'
  let verified = false
  let health: KeychainHealth = secrets.health()
  let note: string | undefined

  const persistVerified = (v: boolean): void => {
    verified = v
    try {
      opts.verifiedFlag?.set(v)
    } catch {
      // Only a hint for the next start; losing it costs one re-check.
    }
  }

  function status(): KeyStatus {
    const parts: string[] = []
    if (health.state !== 'available' && health.message) parts.push(health.message)
    if (backend === 'memory') parts.push(MEMORY_ONLY_SUFFIX)
    if (note) parts.push(note)
    const s: KeyStatus = {
      configured: key !== null,
      last4: key ? keyLast4(key) : null,
      backend,
      state: health.state,
      verified: key !== null && verified
    }
    if (parts.length > 0) s.message = parts.join(' ')
    return s
  }

  return {
    async load() {
      const result = await secrets.get()
      health = secrets.health()
      note = undefined
      const stored = result.ok && result.value ? decodeStoredKey(result.value) : null
      if (stored) {
        key = stored.key
        base = stored.base
        backend = 'keychain'
        verified = opts.verifiedFlag?.get() ?? false
      } else if (key === null) {
        backend = 'none'
      }
      return status()
    },

    status,
    key: () => key,
    bound: () => (key === null ? null : { key, base }),

    async store(candidate, { verified: ok, base: verifiedBase }) {
      const clean = normalizeApiKey(candidate)
      const hadKeychainCopy = backend === 'keychain'
      // Key and base are one keychain entry: neither can be changed without the other.
      const result = await secrets.set(encodeStoredKey({ key: clean, base: verifiedBase }))
      health = secrets.health()
      note = undefined
      if (result.ok) {
        backend = 'keychain'
      } else {
        backend = 'memory'
        // An older key left in the keychain would come back at the next start.
        if (hadKeychainCopy) {
          const removed = await secrets.delete()
          if (!removed.ok) note = 'An older key may still be in your keychain; remove "Krev Studio" there.'
        }
      }
      key = clean
      base = verifiedBase
      persistVerified(ok)
      return status()
    },

    async rebind(nextBase) {
      if (key === null) return status()
      if (backend === 'keychain') {
        const result = await secrets.set(encodeStoredKey({ key, base: nextBase }))
        health = secrets.health()
        // The keychain still says the old base: it wins at the next start, which is the safe side.
        if (!result.ok) note = 'The new API address could not be saved with your key; you will be asked again next start.'
      }
      base = nextBase
      return status()
    },

    async remove() {
      const wasInKeychain = backend === 'keychain'
      // Deleted even when we did not load one: a key saved by an earlier run must go too.
      const result = await secrets.delete()
      health = secrets.health()
      key = null
      base = null
      backend = 'none'
      persistVerified(false)
      note =
        result.ok || !wasInKeychain
          ? undefined
        : 'The key could not be removed from your keychain. Krev Studio no longer uses it; remove "Krev Studio" from your keychain yourself.'
      return status()
    },

    setVerified(v) {
      if (key !== null && v !== verified) persistVerified(v)
    }
  }
}
