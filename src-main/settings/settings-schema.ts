import { isAbsolute, join } from 'node:path'
import { z } from 'zod'
import { settings as settingsContract, type Settings } from '../../src-preload/contract'

/** Version of the settings file layout; bump it together with a migration in settings-migrations.ts. */
export const SETTINGS_VERSION = 4
export const DEFAULT_API_BASE = 'https://app.krev.ai'

export function settingsDefaults(libraryDir: string): Settings {
  return {
    libraryDir,
    downloadConcurrency: 3,
    pollConcurrency: 4,
    notifications: true,
    spellcheck: false,
    theme: 'system',
    lowCreditThreshold: 200,
    sessionSpendCap: 0,
    confirmAbove: 200,
    apiBaseUrl: DEFAULT_API_BASE
  }
}

export const defaultLibraryDir = (dataDir: string): string => join(dataDir, 'Library')

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost'])

/**
 * The key travels to this URL in every request, so only https is accepted; plain http
 * only for a local server on this machine (a developer's sandbox). Returns a reason to
 * refuse, or null when acceptable.
 */
export function apiBaseUrlProblem(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return 'API base URL must be a full URL such as https://app.krev.ai'
  }
  if (url.username || url.password) return 'API base URL must not contain a user name or password'
  if (url.search || url.hash) return 'API base URL must not contain a query or fragment'
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null
  return 'API base URL must use https (plain http is only allowed for 127.0.0.1 or localhost)'
}

/** `https://app.krev.ai/` → `https://app.krev.ai` (one spelling per server). */
export function normalizeApiBaseUrl(raw: string): string {
  const url = new URL(raw.trim())
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

const apiBaseUrlField = settingsContract.shape.apiBaseUrl
  .superRefine((value, ctx) => {
    const problem = apiBaseUrlProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .transform(normalizeApiBaseUrl)

const libraryDirField = settingsContract.shape.libraryDir.refine(
  (value) => value.trim() !== '' && !value.includes('\0') && isAbsolute(value),
  { message: 'Library folder must be a full (absolute) folder path' }
)

/** Each field on its own, so one bad value on disk resets only that value. */
export const settingsFields = {
  ...settingsContract.shape,
  apiBaseUrl: apiBaseUrlField,
  libraryDir: libraryDirField
} as const

/** What `settings.update` accepts: any subset of fields, nothing else. */
export const settingsPatch = z.object(settingsFields).partial().strict()
