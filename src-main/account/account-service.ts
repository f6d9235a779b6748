import type { AccountStatus, ConversionEvent, Credits } from '../../src-preload/contract'
import { AppError, isAppError } from '../core/app-error'
import type { Logger } from '../core/logger'
import type { EventBus } from '../ipc/event-bus'
import type { AppStateStore } from '../settings/app-state'
import { normalizeApiKey } from './api-key'
import type { ConnectionService } from './connection'
import { NO_KEY_MESSAGE } from './connection'
import { mapCredits, type CreditsCache } from './credits'
import { sendConversions } from './conversions'
import type { KeyVault } from './key-vault'

/**
 * The account use cases behind the `account.*` and `conversions.send` commands: first run,
 * choosing sandbox or Krev, saving and removing the key, the credit balance. It owns the
 * account events: every change of what `account.status` answers is announced once.
 */

export const KEY_REFUSED_MESSAGE =
  'Krev did not accept this key. Check that you copied all of it and that it has not been revoked, ' +
  'or create a new key in Krev → Settings → API Keys. Nothing was saved.'

export interface AccountServiceDeps {
  vault: KeyVault
  connection: ConnectionService
  appState: Pick<AppStateStore, 'get' | 'update'>
  credits: CreditsCache
  bus: EventBus
  logger: Logger
  /**
   * A native dialog (never the renderer) asking whether the key may be sent to `host`, the
   * API base that differs from the one the key was verified against. False when declined.
   */
  confirmApiBase?: (host: string) => Promise<boolean>
  now?: () => Date
}

export interface AccountService {
  status(): AccountStatus
  useSandbox(): Promise<AccountStatus>
  useKrev(): Promise<AccountStatus>
  saveKey(raw: string): Promise<AccountStatus>
  removeKey(): Promise<AccountStatus>
  /** Asks the user (natively) to let the key go to the new API base; re-verifies on yes. */
  confirmApiBase(): Promise<AccountStatus>
  credits(opts?: { refresh?: boolean }): Promise<Credits>
  /** The last balance fetched for the current connection, however old; never a request. */
  cachedCredits(): Credits | null
  sendConversions(events: ConversionEvent[]): Promise<{ status: string; eventsReceived: number }>
  dispose(): void
}

const isOffline = (e: unknown): boolean => isAppError(e) && (e.code === 'network' || e.code === 'timeout')

export function createAccountService(deps: AccountServiceDeps): AccountService {
  const { vault, connection, appState, bus, logger } = deps
  const now = deps.now ?? (() => new Date())
  let lastAnnounced = ''
  let lastCredits: Credits | null = null
  let queue: Promise<unknown> = Promise.resolve()

  function status(): AccountStatus {
    const key = vault.status()
    const mismatch = connection.baseMismatch()
    if (mismatch) key.needsConfirmation = { host: mismatch.host, boundHost: mismatch.boundHost }
    return { firstRun: !appState.get().firstRunDone, connection: connection.status(), key }
  }

  /** Emits `account.changed` when (and only when) the status differs from the last one sent. */
  function announce(): AccountStatus {
    const s = status()
    const text = JSON.stringify(s)
    if (text !== lastAnnounced) {
      lastAnnounced = text
      bus.emit('account.changed', s)
    }
    return s
  }

  function announceCredits(c: Credits): void {
    if (c === lastCredits) return
    lastCredits = c
    bus.emit('credits.changed', c)
  }

  const identity = (): string =>
    connection.mode() === 'krev' ? `krev ${connection.krevBaseUrl()}` : 'sandbox'

  let lastMode = connection.mode()
  const unsubscribe = connection.onChange((c) => {
    bus.emit('app.connection', c)
    if (c.mode !== lastMode) {
      lastMode = c.mode
      deps.credits.clear()
      bus.emit('account.mode', { mode: c.mode })
    }
    announce()
  })

  /** Account changes run one at a time: two quick saves must not interleave. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  /** What every API answer tells us about the connection and the key. */
  function observe(outcome: 'ok' | unknown): void {
    if (outcome === 'ok') {
      connection.reportOnline(true)
      if (connection.mode() === 'krev') vault.setVerified(true)
    } else if (isOffline(outcome)) {
      connection.reportOnline(false)
    } else if (isAppError(outcome) && outcome.code === 'unauthorized' && connection.mode() === 'krev') {
      connection.reportOnline(true)
      vault.setVerified(false)
    }
    announce()
  }

  function notice(level: 'info' | 'warning' | 'error' | 'success', message: string): void {
    bus.emit('app.notice', { level, message })
  }

  async function checkKey(key: string, base: string): Promise<{ verified: boolean; credits: Credits | null; problem?: string }> {
    try {
      const raw = await connection.probeClient(key, base).credits()
      return { verified: true, credits: mapCredits(raw, now()) }
    } catch (error) {
      if (isAppError(error) && error.code === 'unauthorized') {
        throw new AppError('unauthorized', KEY_REFUSED_MESSAGE, { retryable: false })
      }
      // 403 means Krev knows the key but it may not read the balance: it is a real key.
      if (isAppError(error) && error.code === 'forbidden') {
        return { verified: true, credits: null, problem: 'This key cannot read your credit balance (no "credits" scope).' }
      }
      const why = isAppError(error) ? error.message : 'Krev could not be reached.'
      return { verified: false, credits: null, problem: why }
    }
  }

  const service: AccountService = {
    status,

    useSandbox: () =>
      serial(async () => {
        appState.update({ firstRunDone: true })
        connection.setMode('sandbox')
        return announce()
      }),

    useKrev: () =>
      serial(async () => {
        if (!vault.key()) throw new AppError('unauthorized', NO_KEY_MESSAGE, { retryable: false })
        appState.update({ firstRunDone: true })
        connection.setMode('krev')
        return announce()
      }),

    saveKey: (raw) =>
      serial(async () => {
        const key = normalizeApiKey(raw)
        // The base is read once: the key is checked with, and bound to, this one address.
        const base = connection.krevBaseUrl()
        const check = await checkKey(key, base)
        const keyStatus = await vault.store(key, { verified: check.verified, base })
        deps.credits.clear() // a balance cached for the previous key is not this key's
        appState.update({ firstRunDone: true })
        logger.info('API key saved', { backend: keyStatus.backend, verified: keyStatus.verified })
        if (check.verified) {
          connection.setMode('krev')
          connection.reportOnline(true)
          if (check.credits) {
            deps.credits.put(identity(), check.credits)
            announceCredits(check.credits)
          }
        }
        if (!check.verified) {
          notice('warning', `Your key was saved, but it could not be checked: ${check.problem} Switch to Krev when you are back online.`)
        } else if (check.problem) {
          notice('warning', `Your key was saved. ${check.problem}`)
        }
        if (keyStatus.backend === 'memory' && keyStatus.message) notice('warning', keyStatus.message)
        return announce()
      }),

    confirmApiBase: () =>
      serial(async () => {
        const mismatch = connection.baseMismatch()
        if (!mismatch) return announce()
        const base = connection.krevBaseUrl()
        const approved = deps.confirmApiBase ? await deps.confirmApiBase(mismatch.host).catch(() => false) : false
        // Declined, or the address changed while the dialog was open: nothing is rebound.
        if (!approved || connection.krevBaseUrl() !== base) return announce()
        await vault.rebind(base)
        vault.setVerified(false)
        deps.credits.clear()
        logger.info('API key confirmed for a new API base', { host: mismatch.host })
        announce()
        // Re-verification: the first answer from the new base sets (or clears) "verified".
        if (connection.mode() === 'krev') await service.credits({ refresh: true }).catch(() => undefined)
        return announce()
      }),

    removeKey: () =>
      serial(async () => {
        const keyStatus = await vault.remove()
        deps.credits.clear()
        logger.info('API key removed', { state: keyStatus.state })
        connection.setMode('sandbox')
        if (keyStatus.message && keyStatus.state !== 'available') notice('warning', keyStatus.message)
        return announce()
      }),

    async credits({ refresh = false } = {}) {
      const client = await connection.client()
      const id = identity()
      try {
        const value = await deps.credits.get(client, id, { refresh })
        observe('ok')
        announceCredits(value)
        return value
      } catch (error) {
        observe(error)
        // Offline: the last balance is better than nothing, unless a fresh one was asked for.
        const stale = deps.credits.peek(id)
        if (!refresh && stale && isOffline(error)) return stale
        throw error
      }
    },

    cachedCredits: () => deps.credits.peek(identity()),

    async sendConversions(events) {
      const client = await connection.client()
      try {
        const result = await sendConversions(client, events)
        observe('ok')
        return result
      } catch (error) {
        observe(isAppError(error) && error.cause !== undefined ? error.cause : error)
        throw error
      }
    },

    dispose() {
      unsubscribe()
    }
  }
  return service
}
