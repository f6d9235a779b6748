import type { KeyStatus } from '../../src-preload/contract'
import { keyLast4, normalizeApiKey } from './api-key'
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
  /** Stores a key that has already passed the format check (checked again here). */
  store(key: string, opts: { verified: boolean }): Promise<KeyStatus>
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
      if (result.ok && result.value) {
        key = result.value
        backend = 'keychain'
        verified = opts.verifiedFlag?.get() ?? false
      } else if (key === null) {
        backend = 'none'
      }
      return status()
    },

    status,
    key: () => key,

    async store(candidate, { verified: ok }) {
      const clean = normalizeApiKey(candidate)
      const hadKeychainCopy = backend === 'keychain'
      const result = await secrets.set(clean)
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
      persistVerified(ok)
      return status()
    },

    async remove() {
      const wasInKeychain = backend === 'keychain'
      // Deleted even when we did not load one: a key saved by an earlier run must go too.
      const result = await secrets.delete()
      health = secrets.health()
      key = null
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
