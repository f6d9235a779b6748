import type { Connection } from '../../src-preload/contract'
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

export type ConnectionMode = Connection['mode']
export interface SandboxEndpoint {
  baseUrl: string
  key: string
}
export type KrevClientFactory = (opts: KrevClientOptions) => KrevClient

export const SANDBOX_LABEL = 'Built-in sandbox'
export const NO_KEY_MESSAGE =
  'Add your Krev API key in Settings to use Krev, or switch to the built-in sandbox.'

export interface ConnectionDeps {
  settings: Pick<SettingsService, 'get' | 'onChange'>
  appState: Pick<AppStateStore, 'get' | 'update'>
  vault: Pick<KeyVault, 'key'>
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
  /** The client for the current mode. Throws AppError('unauthorized') in 'krev' mode without a key. */
  client(): Promise<KrevClient>
  /** A one-off client that checks a candidate key against Krev before it is stored. */
  probeClient(key: string): KrevClient
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

  function status(): Connection {
    const m = mode()
    if (m === 'sandbox') return { mode: m, label: SANDBOX_LABEL, online }
    let host: string
    try {
      host = new URL(krevBaseUrl()).host
    } catch {
      host = krevBaseUrl()
    }
    return { mode: m, label: `Krev · ${host}`, online }
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
      if (!deps.vault.key()) throw new AppError('unauthorized', NO_KEY_MESSAGE, { retryable: false })
      const baseUrl = krevBaseUrl()
      // The key is read per request, so saving a new key needs no new client.
      return reuse(`krev ${baseUrl}`, () => deps.clientFactory({ baseUrl, getKey: () => deps.vault.key() }))
    },

    probeClient(key) {
      // One attempt: a key check must answer quickly; "offline" is handled by the caller.
      return deps.clientFactory({ baseUrl: krevBaseUrl(), getKey: () => key, retry: { maxAttempts: 1 } })
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
