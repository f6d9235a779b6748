import type { Settings } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import type { JsonStoreOpener, NoticeSink } from './json-store'
import { settingsMigrations } from './settings-migrations'
import {
  defaultLibraryDir,
  settingsDefaults,
  settingsFields,
  settingsPatch,
  SETTINGS_VERSION
} from './settings-schema'
import { openVersionedDocument } from './versioned-document'

export const SETTINGS_FILE = 'settings'

export type SettingsListener = (next: Settings, previous: Settings) => void

export interface SettingsService {
  readonly path: string
  get(): Settings
  /** Validates the whole patch first: a bad field refuses the update and changes nothing. */
  update(patch: Partial<Settings>): Settings
  onChange(listener: SettingsListener): () => void
}

export interface SettingsServiceOptions {
  opener: JsonStoreOpener
  /** Default `<opener.dir>/Library`. */
  defaultLibraryDir?: string
  onNotice?: NoticeSink
  now?: () => Date
}

function describe(error: { issues: { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[] }) {
  const issue = error.issues[0]
  if (!issue) return 'Invalid settings'
  if (issue.code === 'unrecognized_keys' && issue.keys) return `Unknown setting: ${issue.keys.join(', ')}`
  const field = issue.path.map(String).join('.')
  return field ? `${field}: ${issue.message}` : issue.message
}

export function createSettingsService(opts: SettingsServiceOptions): SettingsService {
  const defaults = settingsDefaults(opts.defaultLibraryDir ?? defaultLibraryDir(opts.opener.dir))
  const doc = openVersionedDocument<Settings>(
    opts.opener,
    {
      name: SETTINGS_FILE,
      label: 'settings',
      version: SETTINGS_VERSION,
      fields: settingsFields,
      defaults,
      migrations: settingsMigrations
    },
    { ...(opts.onNotice ? { onNotice: opts.onNotice } : {}), ...(opts.now ? { now: opts.now } : {}) }
  )
  const listeners = new Set<SettingsListener>()

  return {
    path: doc.path,
    get: () => doc.get(),
    update(patch) {
      const parsed = settingsPatch.safeParse(patch)
      if (!parsed.success) throw new AppError('invalid_input', describe(parsed.error))
      const previous = doc.get()
      const next: Settings = { ...previous, ...(parsed.data as Partial<Settings>) }
      const changed = (Object.keys(next) as (keyof Settings)[]).some((k) => next[k] !== previous[k])
      if (!changed) return previous
      doc.replace(next)
      for (const listener of listeners) listener(doc.get(), previous)
      return doc.get()
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
