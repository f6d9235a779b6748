/**
 * Where the API key lives between runs: the OS keychain. Every operation answers with a
 * result, never throws and never hangs: a keychain that is missing, locked or stuck becomes
 * a state the UI can explain, and the app falls back to keeping the key in memory.
 */

export type KeychainState = 'available' | 'locked' | 'unavailable' | 'error'

export interface KeychainHealth {
  state: KeychainState
  /** Why the keychain cannot be used, in words a creator can act on. Absent when available. */
  message?: string
}

export type SecretFailure = { ok: false; state: Exclude<KeychainState, 'available'>; message: string }
export type SecretResult<T> = { ok: true; value: T } | SecretFailure

export interface SecretStore {
  /** The stored secret, or null when there is none. */
  get(): Promise<SecretResult<string | null>>
  set(secret: string): Promise<SecretResult<void>>
  /** True when something was deleted. */
  delete(): Promise<SecretResult<boolean>>
  /** The state seen by the last operation (`available` before the first one). */
  health(): KeychainHealth
}

/**
 * A store with no keychain at all, e.g. for the headless web preview, which must never
 * touch the developer's real keychain. Keys then live in memory for the session.
 */
export function noKeychainSecretStore(
  message = 'This build does not use the system keychain.'
): SecretStore {
  const failure: SecretFailure = { ok: false, state: 'unavailable', message }
  return {
    get: async () => failure,
    set: async () => failure,
    delete: async () => failure,
    health: () => ({ state: 'unavailable', message })
  }
}
