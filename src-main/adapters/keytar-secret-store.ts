import { createRequire } from 'node:module'
import { classifyKeychainError, MODULE_MESSAGE, timeoutMessage } from '../account/keychain-errors'
import type { KeychainHealth, SecretFailure, SecretResult, SecretStore } from '../account/secret-store'

/** The three keytar calls we use (keytar 7). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export interface KeytarSecretStoreOptions {
  /** Default "Krev Studio". Tests use their own so they never touch a real key. */
  service?: string
  /** Default "api-key". */
  account?: string
  /** Every keychain call is abandoned after this long. Default 3 s. */
  timeoutMs?: number
  /** Default: require('keytar'), on first use. */
  loadKeytar?: () => KeytarLike
}

/**
 * What the last failed call failed on: the native module would not load, the keychain
 * answered with an error, or it did not answer within the timeout (an earlier call still
 * stuck counts as that). Tells "the keychain said no" from "the keychain hung" without timing it.
 */
export type KeychainFailureCause = 'module' | 'keychain' | 'timeout'

export interface KeytarSecretStore extends SecretStore {
  /** The cause of the last call's failure; null when it succeeded (or before the first call). */
  lastFailureCause(): KeychainFailureCause | null
}

export const KEYTAR_SERVICE = 'Krev Studio'
export const KEYTAR_ACCOUNT = 'api-key'
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 3_000

// Loaded lazily and through require: a native module built for another ABI, or a missing
// libsecret, must turn into "keychain unavailable", not a crash at import time.
const requireKeytar = (): KeytarLike => {
  const mod = createRequire(import.meta.url)('keytar') as KeytarLike & { default?: KeytarLike }
  return typeof mod.getPassword === 'function' ? mod : (mod.default as KeytarLike)
}

export function createKeytarSecretStore(opts: KeytarSecretStoreOptions = {}): KeytarSecretStore {
  const service = opts.service ?? KEYTAR_SERVICE
  const account = opts.account ?? KEYTAR_ACCOUNT
  const timeoutMs = opts.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS
  const load = opts.loadKeytar ?? requireKeytar

  let keytar: KeytarLike | null = null
  let loadFailure: SecretFailure | null = null
  let health: KeychainHealth = { state: 'available' }
  let failureCause: KeychainFailureCause | null = null
  // A call that timed out may still be blocked in the native layer (a password prompt
  // nobody answers). Each such call holds a libuv worker thread, so no new call is issued
  // until it settles: piling them up would starve file I/O for the whole app.
  let stuck = 0

  function loadModule(): KeytarLike | SecretFailure {
    if (keytar) return keytar
    if (loadFailure) return loadFailure
    try {
      keytar = load()
      return keytar
    } catch {
      loadFailure = { ok: false, state: 'unavailable', message: MODULE_MESSAGE }
      return loadFailure
    }
  }

  async function guarded<T>(call: (k: KeytarLike) => Promise<T>): Promise<SecretResult<T>> {
    const k = loadModule()
    if ('ok' in k) return settle(k, 'module')
    if (stuck > 0) return settle({ ok: false, state: 'locked', message: timeoutMessage(timeoutMs) }, 'timeout')

    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs)
    })
    let pending: Promise<T>
    try {
      pending = call(k)
    } catch (error) {
      clearTimeout(timer)
      return settle(classifyKeychainError(error), 'keychain')
    }
    const outcome = await Promise.race([
      pending.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => classifyKeychainError(error)
      ),
      timedOut
    ])
    clearTimeout(timer)
    if (outcome === 'timeout') {
      stuck++
      pending.then(
        () => stuck--,
        () => stuck--
      )
      return settle({ ok: false, state: 'locked', message: timeoutMessage(timeoutMs) }, 'timeout')
    }
    return settle(outcome, 'keychain')
  }

  /** Records what the UI shows (health) and, for a failure, what it failed on (`cause`). */
  function settle<T>(result: SecretResult<T>, cause: KeychainFailureCause): SecretResult<T> {
    health = result.ok ? { state: 'available' } : { state: result.state, message: result.message }
    failureCause = result.ok ? null : cause
    return result
  }

  return {
    get: () => guarded((k) => k.getPassword(service, account)),
    set: (secret) => guarded((k) => k.setPassword(service, account, secret)),
    delete: () => guarded((k) => k.deletePassword(service, account)),
    health: () => ({ ...health }),
    lastFailureCause: () => failureCause
  }
}
