import type { AccountStatus, Credits, Job, Settings } from '../../../src-preload/contract'
import { mapCredits } from '../../../src-main/account/credits'
import { settingsDefaults } from '../../../src-main/settings/settings-schema'
import { sampleCredits } from '../account/fakes'

export const status = (over: Partial<AccountStatus> = {}): AccountStatus => ({
  firstRun: false,
  connection: { mode: 'sandbox', label: 'Built-in sandbox', online: true },
  key: { configured: false, last4: null, backend: 'none', state: 'available', verified: false },
  ...over
})

/** The sample Pro account's credits (test/unit/account/fakes.ts) as the renderer receives them. */
export const credits = (over: Partial<Credits> = {}): Credits => ({
  ...mapCredits(sampleCredits(), new Date('2026-02-14T12:00:00Z')),
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
