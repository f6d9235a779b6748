import type { AccountStatus, Credits, Job, Settings } from '../../../src-preload/contract'
import { settingsDefaults } from '../../../src-main/settings/settings-schema'

export const status = (over: Partial<AccountStatus> = {}): AccountStatus => ({
  firstRun: false,
  connection: { mode: 'sandbox', label: 'Built-in sandbox', online: true },
  key: { configured: false, last4: null, backend: 'none', state: 'available', verified: false },
  ...over
})

export const credits = (over: Partial<Credits> = {}): Credits => ({
  plan: 'pro',
  planName: 'Pro',
  current: 1840,
  limit: 2500,
  storageUsedBytes: 524288000,
  storageLimitBytes: 2147483648,
  resetsAt: '2026-03-01T00:00:00Z',
  fetchedAt: '2026-02-14T12:00:00Z',
  ...over
})

/** The studio's defaults (src-main/settings/settings-schema.ts), with a library folder of Maya's. */
export const settings = (over: Partial<Settings> = {}): Settings => ({ ...settingsDefaults('/Users/maya/Krev'), ...over })

export const job = (over: Partial<Job> = {}): Job => ({
  id: 'j1',
  kind: 'image',
  status: 'processing',
  progress: 10,
  title: 'Wallet on marble',
  request: { kind: 'image', params: { prompt: 'Wallet on marble', aspectRatio: '1:1', hd: false, imageCount: 2 } },
  generationId: 'g1',
  creditsEstimate: 80,
  creditsUsed: null,
  assetIds: [],
  error: null,
  resumesAt: null,
  attempts: 1,
  createdAt: '2026-02-14T12:00:00Z',
  updatedAt: '2026-02-14T12:00:00Z',
  ...over
})
