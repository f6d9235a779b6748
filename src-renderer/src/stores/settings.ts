import { create } from 'zustand'
import type { Settings } from '../../../src-preload/contract'
import { errorMessage, invoke } from '../api/client'
import { failedLoad, type LoadState } from '../lib/load-state'

export type SettingsPatch = Partial<Settings>

interface SettingsState {
  settings: Settings | null
  load: LoadState
  loadError: string | null
  saving: boolean

  setSettings(settings: Settings): void
  fetch(): Promise<void>
  /** Saves a patch; resolves to an error message, or null when saved. */
  update(patch: SettingsPatch): Promise<string | null>
}

export const initialSettingsState = { settings: null, load: 'idle' as LoadState, loadError: null, saving: false }

export const useSettingsStore = create<SettingsState>()((set) => ({
  ...initialSettingsState,

  setSettings: (settings) => set({ settings, load: 'ready', loadError: null }),

  fetch: async () => {
    set((s) => (s.load === 'idle' ? { load: 'loading' } : {}))
    try {
      set({ settings: await invoke('settings.get', {}), load: 'ready', loadError: null })
    } catch (e) {
      const failed = failedLoad(e)
      set({ load: failed.load, loadError: failed.error })
    }
  },

  update: async (patch) => {
    if (Object.keys(patch).length === 0) return null
    set({ saving: true })
    try {
      set({ settings: await invoke('settings.update', { patch }) })
      return null
    } catch (e) {
      return errorMessage(e)
    } finally {
      set({ saving: false })
    }
  }
}))

/** Only the fields that differ from what is saved: the patch `settings.update` expects. */
export function diffSettings(saved: Settings, draft: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(draft) as Array<keyof Settings>) {
    if (draft[key] !== saved[key]) patch[key] = draft[key]
  }
  return patch as SettingsPatch
}

/**
 * When main pushes new settings while the user edits: fields the user touched keep
 * their draft value, the rest follow main.
 */
export function rebaseDraft(oldSaved: Settings, newSaved: Settings, draft: Settings): Settings {
  const next: Record<string, unknown> = { ...newSaved }
  for (const key of Object.keys(draft) as Array<keyof Settings>) {
    if (draft[key] !== oldSaved[key]) next[key] = draft[key]
  }
  return next as Settings
}

export const clampInt = (v: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, Math.round(Number.isFinite(v) ? v : min)))

export interface SettingsFieldErrors {
  libraryDir?: string
  lowCreditThreshold?: string
  sessionSpendCap?: string
  confirmAbove?: string
  apiBaseUrl?: string
}

const CREDITS_RANGE = 'Use a whole number from 0 to 1,000,000.'
const isCredits = (n: number) => Number.isInteger(n) && n >= 0 && n <= 1_000_000

/** Local checks before saving; main validates again. */
export function validateSettings(s: Settings): SettingsFieldErrors {
  const errors: SettingsFieldErrors = {}
  if (!s.libraryDir.trim()) errors.libraryDir = 'Choose a folder for your library.'
  else if (s.libraryDir.length > 1024) errors.libraryDir = 'That path is too long.'
  if (!isCredits(s.lowCreditThreshold)) errors.lowCreditThreshold = CREDITS_RANGE
  if (!isCredits(s.sessionSpendCap)) errors.sessionSpendCap = CREDITS_RANGE
  if (!isCredits(s.confirmAbove)) errors.confirmAbove = CREDITS_RANGE
  const url = s.apiBaseUrl.trim()
  if (url) {
    let parsed: URL | null = null
    try {
      parsed = new URL(url)
    } catch {
      parsed = null
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:'))
      errors.apiBaseUrl = 'Use a full URL, like https://app.krev.ai.'
    else if (url.length > 512) errors.apiBaseUrl = 'That URL is too long.'
  }
  return errors
}
