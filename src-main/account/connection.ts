import type { Connection, ConnectionMode } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import type { KrevClient, KrevClientOptions } from '../krev/types'
import type { AppStateStore } from '../settings/app-state'
import type { NoticeSink } from '../settings/json-store'
import { apiBaseUrlProblem, normalizeApiBaseUrl } from '../settings/settings-schema'
import type { SettingsService } from '../settings/settings-service'
import type { KeyVault } from './key-vault'

/**
 * Which backend the studio talks to, and the Krev client for it. 'sandbox' is the
 * embedded sandbox (its own loopback port and data folder, so sandbox data never mixes
 * with real data); 'krev' is the real API with the vault's key. Switching needs no
 * restart: `client()` always answers for the current mode.
 */

export type { ConnectionMode }
export interface SandboxEndpoint {
  baseUrl: string
  key: string
}
export type KrevClientFactory = (opts: KrevClientOptions) => KrevClient

export const SANDBOX_LABEL = 'Built-in sandbox'
export const NO_KEY_MESSAGE =
  'Add your Krev API key in Settings to use Krev, or switch to the built-in sandbox.'
export const keyNeedsConfirmationMessage = (host: string): string =>
  `Your API key was checked with a different Krev address. It is not sent to ${host} until you ` +
  'enter it again in Settings or confirm the new address.'

/** The API base the key would be sent to differs from the one it was verified against. */
export interface BaseMismatch {
  /** Host of the configured base, which the key has not been verified against. */
  host: string
  /** Host the key is bound to, if known. */
  boundHost: string | null
}

/**
 * A Krev on this machine (KREV_API_BASE=http://127.0.0.1:…) serves its media from its own
 * origin, like the built-in sandbox; only loopback bases get that trust, never a remote one.
 */
export function isLoopbackBase(base: string): boolean {
  try {
    const { hostname } = new URL(base)
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]'
  } catch {
    return false
  }
}

const hostOf = (base: string): string => {
  try {
    return new URL(base).host
  } catch {
    return base
  }
}

export interface ConnectionDeps {
  settings: Pick<SettingsService, 'get' | 'onChange'>
  appState: Pick<AppStateStore, 'get' | 'update'>
  vault: Pick<KeyVault, 'bound'>
  /** Starts the embedded sandbox on first use; called again only if a start failed. */
  ensureSandbox: () => Promise<SandboxEndpoint>
  clientFactory: KrevClientFactory
  /** process.env.KREV_API_BASE: overrides settings.apiBaseUrl (staging, local servers). */
  envApiBase?: string | undefined
  onNotice?: NoticeSink
}

export interface ConnectionService {
  mode(): ConnectionMode
  status(): Connection
  /** The Krev API base in use for mode 'krev' (env override, else settings). */
  krevBaseUrl(): string
  /**
   * Non-null when the stored key is bound to another base than `krevBaseUrl()`: the key is
   * then not used at all until it is entered again or the user confirms the new host.
   */
  baseMismatch(): BaseMismatch | null
  /** The client for the current mode. Throws AppError('unauthorized') in 'krev' mode without a key. */
  client(): Promise<KrevClient>
  /** A one-off client that checks a candidate key against `base` (default: krevBaseUrl()) before it is stored. */
  probeClient(key: string, base?: string): KrevClient
  /** Persists the mode; listeners hear about it only if something changed. */
  setMode(mode: ConnectionMode): Connection
  /** Services report reachability here (network errors → false, any answer → true). */
  reportOnline(online: boolean): void
  onChange(listener: (status: Connection) => void): () => void
}

export function createConnection(deps: ConnectionDeps): ConnectionService {
  const listeners = new Set<(status: Connection) => void>()
  let online = true
  let sandbox: Promise<SandboxEndpoint> | null = null
  let cached: { id: string; client: KrevClient } | null = null

  const envBase = (() => {
    const raw = deps.envApiBase?.trim()
    if (!raw) return null
    const problem = apiBaseUrlProblem(raw)
    if (!problem) return normalizeApiBaseUrl(raw)
    deps.onNotice?.({ level: 'warning', message: `KREV_API_BASE is ignored: ${problem}.` })
    return null
  })()

  const mode = (): ConnectionMode => deps.appState.get().connectionMode
  const krevBaseUrl = (): string => envBase ?? deps.settings.get().apiBaseUrl
  function baseMismatch(): BaseMismatch | null {
    const bound = deps.vault.bound()
    if (!bound) return null
    const base = krevBaseUrl()
    if (bound.base === base) return null
    return { host: hostOf(base), boundHost: bound.base === null ? null : hostOf(bound.base) }
  }

  function status(): Connection {
    const m = mode()
    if (m === 'sandbox') return { mode: m, label: SANDBOX_LABEL, online }
    return { mode: m, label: `Krev · ${hostOf(krevBaseUrl())}`, online }
  }

  let last = JSON.stringify(status())
  function notifyIfChanged(): void {
    const now = status()
    const text = JSON.stringify(now)
    if (text === last) return
    last = text
    for (const listener of listeners) listener(now)
  }

  deps.settings.onChange((next, previous) => {
    if (next.apiBaseUrl === previous.apiBaseUrl || envBase) return
    if (mode() === 'krev') online = true
    notifyIfChanged()
  })

  function ensureSandbox(): Promise<SandboxEndpoint> {
    sandbox ??= deps.ensureSandbox().catch((error: unknown) => {
      sandbox = null
      throw new AppError('internal', 'The built-in sandbox could not be started. Restart Krev Studio and try again.', {
        cause: error
      })
    })
    return sandbox
  }

  function reuse(id: string, build: () => KrevClient): KrevClient {
    if (cached?.id !== id) cached = { id, client: build() }
    return cached.client
  }

  return {
    mode,
    status,
    krevBaseUrl,
    baseMismatch,

    async client() {
      if (mode() === 'sandbox') {
        const sb = await ensureSandbox()
        return reuse(`sandbox ${sb.baseUrl}`, () =>
          deps.clientFactory({
            baseUrl: sb.baseUrl,
            getKey: () => sb.key,
            trustedMediaOrigins: [new URL(sb.baseUrl).origin]
          })
        )
      }
      const bound = deps.vault.bound()
      if (!bound) throw new AppError('unauthorized', NO_KEY_MESSAGE, { retryable: false })
      const mismatch = baseMismatch()
      if (mismatch || bound.base === null) {
        throw new AppError('unauthorized', keyNeedsConfirmationMessage(mismatch?.host ?? hostOf(krevBaseUrl())), {
          retryable: false
        })
      }
      const baseUrl = bound.base
      const origin = new URL(baseUrl).origin
      // The key is read per request, so saving a new key needs no new client; it always
      // carries the origin it is bound to, and the client refuses to send it anywhere else.
      return reuse(`krev ${baseUrl}`, () =>
        deps.clientFactory({
          baseUrl,
          getKey: () => {
            const now = deps.vault.bound()
            return now && now.base ? { key: now.key, origin: new URL(now.base).origin } : null
          },
          ...(isLoopbackBase(baseUrl) ? { trustedMediaOrigins: [origin] } : {})
        })
      )
    },

    probeClient(key, base = krevBaseUrl()) {
      // One attempt: a key check must answer quickly; "offline" is handled by the caller.
      const origin = new URL(base).origin
      return deps.clientFactory({ baseUrl: base, getKey: () => ({ key, origin }), retry: { maxAttempts: 1 } })
    },

    setMode(next) {
      if (next !== mode()) {
        deps.appState.update({ connectionMode: next })
        online = true
      }
      notifyIfChanged()
      return status()
    },

    reportOnline(value) {
      online = value
      notifyIfChanged()
    },

    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
