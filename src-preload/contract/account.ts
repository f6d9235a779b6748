import { z } from 'zod'
import { connectionMode, connection } from './app'
import { ACTION_SOURCES } from './values'
import { MAX_EVENT_ID, MAX_EVENT_NAME } from './conversion-rules'
import { count, empty, finiteNumber, isoTime, nonEmptyText, text, url } from './common'

export const keychainState = z.enum(['available', 'locked', 'unavailable', 'error'])
export const keyBackend = z.enum(['keychain', 'memory', 'none'])

/** All the renderer ever learns about the API key. */
export const keyStatus = z.object({
  configured: z.boolean(),
  last4: z.string().max(4).nullable(),
  backend: keyBackend,
  state: keychainState,
  verified: z.boolean(),
  /** Why the keychain could not be used, in words a creator can act on. */
  message: z.string().optional(),
  /**
   * Set when the Krev address in use is not the one the key was verified against: the key is
   * not sent until it is entered again or the user confirms `host` in a native dialog.
   */
  needsConfirmation: z.object({ host: z.string().max(300), boundHost: z.string().max(300).nullable() }).strict().optional()
})
export type KeyStatus = z.infer<typeof keyStatus>

export const accountStatus = z.object({
  firstRun: z.boolean(),
  connection,
  key: keyStatus
})
export type AccountStatus = z.infer<typeof accountStatus>

export const credits = z.object({
  plan: z.string(),
  planName: z.string(),
  current: finiteNumber,
  limit: finiteNumber,
  storageUsedBytes: count,
  storageLimitBytes: count,
  resetsAt: isoTime.nullable(),
  fetchedAt: isoTime
})
export type Credits = z.infer<typeof credits>

export const theme = z.enum(['system', 'light', 'dark'])
export const settings = z.object({
  libraryDir: z.string().max(1024),
  downloadConcurrency: z.number().int().min(1).max(8),
  pollConcurrency: z.number().int().min(1).max(16),
  notifications: z.boolean(),
  /** Off by default: on Windows and Linux turning it on downloads dictionaries from Google. */
  spellcheck: z.boolean(),
  theme,
  lowCreditThreshold: z.number().int().min(0).max(1_000_000),
  /** Credits this session may spend before further jobs wait instead of being sent (0: no cap). */
  sessionSpendCap: z.number().int().min(0).max(1_000_000),
  /** A single submit estimated above this many credits asks first (0: never asks). */
  confirmAbove: z.number().int().min(0).max(1_000_000),
  apiBaseUrl: z.string().max(512)
})
export type Settings = z.infer<typeof settings>

const metaEvent = z
  .object({
    event_name: nonEmptyText(MAX_EVENT_NAME),
    event_time: z.number().int().positive(),
    event_id: text(MAX_EVENT_ID).optional(),
    action_source: z.enum(ACTION_SOURCES),
    event_source_url: url.optional(),
    user_data: z.record(z.string().max(100), z.union([z.string().max(1000), z.array(z.string().max(1000)).max(20)])),
    custom_data: z
      .record(z.string().max(100), z.union([z.string().max(1000), finiteNumber, z.boolean(), z.null()]))
      .optional()
  })
  .strict()
export const conversionEvent = metaEvent
export type ConversionEvent = z.infer<typeof conversionEvent>

export const accountCommands = {
  'account.status': { input: empty, output: accountStatus },
  /** First run: explore with the built-in sandbox (no key, no network). */
  'account.useSandbox': { input: empty, output: accountStatus },
  /** Switch to the real Krev API with the stored key (needs one). */
  'account.useKrev': { input: empty, output: accountStatus },
  'account.saveKey': { input: z.object({ key: z.string().max(256) }).strict(), output: accountStatus },
  'account.removeKey': { input: empty, output: accountStatus },
  /** Opens main's native confirmation naming the new Krev host; the renderer only asks. */
  'account.confirmApiBase': { input: empty, output: accountStatus },
  'account.credits': {
    input: z.object({ refresh: z.boolean().optional() }).strict(),
    output: credits
  },
  'settings.get': { input: empty, output: settings },
  'settings.update': { input: z.object({ patch: settings.partial().strict() }).strict(), output: settings },
  'conversions.send': {
    input: z.object({ events: z.array(conversionEvent).min(1).max(1000) }).strict(),
    output: z.object({ status: z.string(), eventsReceived: count })
  }
} as const

export const accountEvents = {
  'account.changed': accountStatus,
  'credits.changed': credits,
  'settings.changed': settings,
  'account.mode': z.object({ mode: connectionMode })
} as const
