import { create } from 'zustand'
import type { AccountStatus, Credits } from '../../../src-preload/contract'
import { errorMessage, invoke, isStudioError } from '../api/client'
import { useAppStore } from './app'

export interface KeyFormError {
  code: string
  message: string
}

interface AccountState {
  status: AccountStatus | null
  credits: Credits | null
  creditsLoading: boolean
  creditsError: string | null
  /** Set once the user picked a path on the welcome screen, even if main still says firstRun. */
  welcomeDone: boolean
  busy: 'sandbox' | 'krev' | 'saveKey' | 'removeKey' | 'confirmApiBase' | null

  setStatus(status: AccountStatus): void
  setCredits(credits: Credits): void
  loadStatus(): Promise<void>
  loadCredits(refresh?: boolean): Promise<void>
  useSandbox(): Promise<KeyFormError | null>
  useKrev(): Promise<KeyFormError | null>
  /** Main verifies the key and switches to Krev itself when Krev accepts it. */
  saveKey(key: string, opts?: { fromWelcome?: boolean }): Promise<KeyFormError | null>
  removeKey(): Promise<KeyFormError | null>
  /** Main shows its own native dialog naming the new host; the page only asks for it. */
  confirmApiBase(): Promise<KeyFormError | null>
}

export const initialAccountState = {
  status: null,
  credits: null,
  creditsLoading: false,
  creditsError: null,
  welcomeDone: false,
  busy: null
}

/**
 * Words for the key form, by code. A refusal (401) keeps main's message: main checked the
 * key against Krev and knows what happened. Main's message is kept for everything else too.
 */
export function keyErrorMessage(e: unknown): KeyFormError {
  const code = isStudioError(e) ? e.code : 'internal'
  switch (code) {
    case 'invalid_input':
      return {
        code,
        message:
          'That doesn’t look like a Krev API key. Keys start with “sk_live_” followed by at least 16 letters or digits — copy it again from the dashboard.'
      }
    case 'forbidden':
      return { code, message: 'This key is missing a scope Krev Studio needs. Create a key with all scopes.' }
    case 'network':
    case 'timeout':
      return { code, message: 'Krev could not be reached to check the key. Check your connection and try again.' }
    default:
      return { code, message: errorMessage(e) }
  }
}

const applyStatus = (status: AccountStatus): void => {
  useAccountStore.getState().setStatus(status)
  useAppStore.getState().setConnection(status.connection)
}

export const useAccountStore = create<AccountState>()((set, get) => {
  /** One account change at a time: marks it busy, and turns a failure into form words. */
  const run = async (busy: NonNullable<AccountState['busy']>, change: () => Promise<void>): Promise<KeyFormError | null> => {
    set({ busy })
    try {
      await change()
      return null
    } catch (e) {
      return keyErrorMessage(e)
    } finally {
      set({ busy: null })
    }
  }

  return {
  ...initialAccountState,

  setStatus: (status) => set((s) => ({ status, welcomeDone: s.welcomeDone || !status.firstRun })),
  setCredits: (credits) => set({ credits, creditsError: null }),

  loadStatus: async () => {
    applyStatus(await invoke('account.status', {}))
  },

  loadCredits: async (refresh = false) => {
    set({ creditsLoading: true })
    try {
      const credits = await invoke('account.credits', refresh ? { refresh: true } : {})
      set({ credits, creditsError: null, creditsLoading: false })
    } catch (e) {
      set({ creditsLoading: false, creditsError: errorMessage(e) })
    }
  },

  useSandbox: () =>
    run('sandbox', async () => {
      applyStatus(await invoke('account.useSandbox', {}))
      set({ welcomeDone: true })
      void get().loadCredits()
    }),

  useKrev: () =>
    run('krev', async () => {
      applyStatus(await invoke('account.useKrev', {}))
      set({ welcomeDone: true })
      void get().loadCredits(true)
    }),

  saveKey: async (key, opts = {}) => {
    const trimmed = key.trim()
    if (!trimmed) return { code: 'invalid_input', message: 'Paste your Krev API key first.' }
    return run('saveKey', async () => {
      applyStatus(await invoke('account.saveKey', { key: trimmed }))
      if (opts.fromWelcome) set({ welcomeDone: true })
      void get().loadCredits(true)
    })
  },

  removeKey: () =>
    run('removeKey', async () => {
      applyStatus(await invoke('account.removeKey', {}))
      void get().loadCredits()
    }),

  confirmApiBase: () =>
    run('confirmApiBase', async () => {
      const status = await invoke('account.confirmApiBase', {})
      applyStatus(status)
      if (!status.key.needsConfirmation) void get().loadCredits(true)
    })
  }
})

/** The keychain banner shows when the key cannot be kept safely between sessions. */
export function needsKeychainBanner(status: AccountStatus | null): boolean {
  if (!status) return false
  return status.key.backend === 'memory' || status.key.state !== 'available'
}

export const KEYCHAIN_FALLBACK_MESSAGE =
  'Your system keychain isn’t available, so your API key is kept for this session only. Unlock or set up the keychain, then save the key again to keep it.'

/** Should the welcome screen show? */
export function showWelcome(status: AccountStatus | null, welcomeDone: boolean): boolean {
  return !!status && status.firstRun && !welcomeDone
}
