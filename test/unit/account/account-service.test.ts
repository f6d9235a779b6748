import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { KEY_REFUSED_MESSAGE } from '../../../src-main/account/account-service'
import { createAccountFeature, type AccountFeature } from '../../../src-main/account/create-account'
import { AppError } from '../../../src-main/core/app-error'
import { createRouter, type Router } from '../../../src-main/ipc/router'
import { decodeStoredKey } from '../../../src-main/account/stored-key'
import { confOpener } from '../../../src-main/settings/conf-opener'
import type { AccountStatus, Credits, Envelope } from '../../../src-preload/contract'
import {
  FAKE_KEY,
  fakeKrev,
  fakeSecrets,
  namesOf,
  OTHER_KEY,
  recordingBus,
  sampleCredits,
  tempDir,
  type FakeKrev,
  type FakeSecrets
} from './fakes'
import { withUnusedHandlers } from '../../support/handlers'

const SANDBOX = { baseUrl: 'http://127.0.0.1:45123', key: 'sk_live_sandboxKey_000000000000' }

let tmp: ReturnType<typeof tempDir>
let feature: AccountFeature
let router: Router
let krev: FakeKrev
let secrets: FakeSecrets
let rec: ReturnType<typeof recordingBus>
let confirmAnswer = false
const confirmedHosts: string[] = []

async function start(opts: { secrets?: FakeSecrets } = {}): Promise<void> {
  krev = fakeKrev()
  secrets = opts.secrets ?? fakeSecrets()
  rec = recordingBus()
  feature = await createAccountFeature({
    opener: confOpener(tmp.dir),
    secrets,
    bus: rec.bus,
    ensureSandbox: async () => SANDBOX,
    clientFactory: krev.factory,
    confirmApiBase: async (host) => {
      confirmedHosts.push(host)
      return confirmAnswer
    }
  })
  router = createRouter(withUnusedHandlers(feature.handlers))
}

async function call<T = unknown>(name: string, input: unknown = {}): Promise<Envelope<T>> {
  return (await router.dispatch(name, input, { transport: 'test' })) as Envelope<T>
}
async function ok<T>(name: string, input: unknown = {}): Promise<T> {
  const r = await call<T>(name, input)
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`)
  return r.data
}

beforeEach(async () => {
  tmp = tempDir('krev-acct-')
  await start()
})
afterEach(() => {
  feature.dispose()
  expect(rec.invalid).toEqual([]) // every emitted event matched the contract
  tmp.cleanup()
})

describe('first run', () => {
  it('is first run in sandbox mode with no key until the user picks', async () => {
    expect(await ok<AccountStatus>('account.status')).toEqual({
      firstRun: true,
      connection: { mode: 'sandbox', label: 'Built-in sandbox', online: true },
      key: { configured: false, last4: null, backend: 'none', state: 'available', verified: false }
    })
  })

  it('picking the sandbox ends first run, persistently', async () => {
    const s = await ok<AccountStatus>('account.useSandbox')
    expect(s.firstRun).toBe(false)
    expect(namesOf(rec.events)).toEqual(['account.changed'])
    feature.dispose()
    await start({ secrets })
    expect((await ok<AccountStatus>('account.status')).firstRun).toBe(false)
  })
})

describe('account.saveKey', () => {
  it('refuses a badly formatted key before any network call; nothing changes', async () => {
    const r = await call('account.saveKey', { key: 'sk_live_nope' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid_input', retryable: false })
    expect(krev.calls).toEqual([])
    expect(secrets.ops).toEqual(['get'])
    expect((await ok<AccountStatus>('account.status')).firstRun).toBe(true)
    expect(rec.events).toEqual([])
  })

  it('refuses a key Krev answers 401 to, storing nothing', async () => {
    const r = await call('account.saveKey', { key: 'sk_live_revokedKey_1234567890' })
    expect(r).toEqual({ ok: false, error: { code: 'unauthorized', message: KEY_REFUSED_MESSAGE, retryable: false } })
    expect(KEY_REFUSED_MESSAGE).toMatch(/^Krev did not accept this key/)
    expect(krev.calls).toEqual([{ op: 'credits', key: 'sk_live_revokedKey_1234567890', baseUrl: 'https://app.krev.ai' }])
    expect(secrets.value).toBeNull()
    const s = await ok<AccountStatus>('account.status')
    expect(s).toMatchObject({ firstRun: true, key: { configured: false }, connection: { mode: 'sandbox' } })
  })

  it('stores a key Krev accepts, verified, switches to Krev and announces it', async () => {
    const s = await ok<AccountStatus>('account.saveKey', { key: `  ${FAKE_KEY}\n` })
    expect(s).toEqual({
      firstRun: false,
      connection: { mode: 'krev', label: 'Krev · app.krev.ai', online: true },
      key: { configured: true, last4: 'abcd', backend: 'keychain', state: 'available', verified: true }
    })
    expect(decodeStoredKey(secrets.value ?? '')).toEqual({ key: FAKE_KEY, base: 'https://app.krev.ai' })
    const names = namesOf(rec.events)
    expect(names).toEqual(expect.arrayContaining(['account.changed', 'credits.changed', 'app.connection', 'account.mode']))
    expect(names.filter((n) => n === 'account.changed')).toHaveLength(1)
    expect(rec.events.find((e) => e.name === 'account.changed')?.payload).toEqual(s)
    // The balance fetched while checking is reused.
    const credits = await ok<Credits>('account.credits')
    expect(credits.current).toBe(1840)
    expect(krev.calls.filter((c) => c.op === 'credits')).toHaveLength(1)
  })

  it('stores the key unverified when Krev cannot be reached, and stays in the current mode', async () => {
    krev.failWith = new AppError('network', 'Could not reach Krev. Check your internet connection.')
    const s = await ok<AccountStatus>('account.saveKey', { key: FAKE_KEY })
    expect(s.key).toMatchObject({ configured: true, verified: false, backend: 'keychain' })
    expect(s.connection.mode).toBe('sandbox')
    expect(s.firstRun).toBe(false)
    expect(decodeStoredKey(secrets.value ?? '')).toEqual({ key: FAKE_KEY, base: 'https://app.krev.ai' })
    const notice = rec.events.find((e) => e.name === 'app.notice')?.payload as { level: string; message: string }
    expect(notice.level).toBe('warning')
    expect(notice.message).toMatch(/saved, but it could not be checked: Could not reach Krev/)
    // Later, back online: switching to Krev and a credits call verify it.
    krev.failWith = null
    await ok('account.useKrev')
    await ok('account.credits', { refresh: true })
    expect((await ok<AccountStatus>('account.status')).key.verified).toBe(true)
  })

  it('treats a timeout like a network failure', async () => {
    krev.failWith = new AppError('timeout', 'Krev took too long to answer.')
    const s = await ok<AccountStatus>('account.saveKey', { key: FAKE_KEY })
    expect(s.key).toMatchObject({ configured: true, verified: false })
  })

  it('keeps the key in memory only when the keychain is unavailable, and says so', async () => {
    feature.dispose()
    tmp.cleanup()
    tmp = tempDir('krev-acct-')
    await start({ secrets: fakeSecrets(null, 'unavailable') })
    const s = await ok<AccountStatus>('account.saveKey', { key: FAKE_KEY })
    expect(s.key).toMatchObject({ configured: true, backend: 'memory', state: 'unavailable', verified: true })
    expect(s.key.message).toMatch(/No keychain service is running.*session only/)
    expect(s.connection.mode).toBe('krev')
    const notices = rec.events.filter((e) => e.name === 'app.notice').map((e) => (e.payload as { message: string }).message)
    expect(notices.some((m) => /session only/.test(m))).toBe(true)
    // A restart forgets it (fail closed): the user is asked again.
    feature.dispose()
    await start({ secrets: fakeSecrets(null, 'unavailable') })
    expect((await ok<AccountStatus>('account.status')).key.configured).toBe(false)
  })

  it('replaces a stored key with a new one', async () => {
    await ok('account.saveKey', { key: FAKE_KEY })
    const s = await ok<AccountStatus>('account.saveKey', { key: OTHER_KEY })
    expect(s.key.last4).toBe('9876')
    expect(decodeStoredKey(secrets.value ?? '')).toEqual({ key: OTHER_KEY, base: 'https://app.krev.ai' })
    await ok('account.credits', { refresh: true })
    expect(krev.calls.at(-1)?.key).toBe(OTHER_KEY)
  })

  it('serialises concurrent saves', async () => {
    const [a, b] = await Promise.all([
      ok<AccountStatus>('account.saveKey', { key: FAKE_KEY }),
      ok<AccountStatus>('account.saveKey', { key: OTHER_KEY })
    ])
    expect(a.key.last4).toBe('abcd')
    expect(b.key.last4).toBe('9876')
    expect(decodeStoredKey(secrets.value ?? '')).toEqual({ key: OTHER_KEY, base: 'https://app.krev.ai' })
  })
})

describe('modes and key removal', () => {
  it('useKrev needs a key', async () => {
    const r = await call('account.useKrev')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/Add your Krev API key/)
  })

  it('removeKey deletes the key from the keychain and memory and switches to the sandbox', async () => {
    await ok('account.saveKey', { key: FAKE_KEY })
    rec.events.length = 0
    const s = await ok<AccountStatus>('account.removeKey')
    expect(s).toMatchObject({ connection: { mode: 'sandbox' }, key: { configured: false, backend: 'none' } })
    expect(secrets.value).toBeNull()
    expect(feature.vault.key()).toBeNull()
    expect(namesOf(rec.events)).toEqual(expect.arrayContaining(['account.changed', 'app.connection', 'account.mode']))
    expect(rec.events.find((e) => e.name === 'account.mode')?.payload).toEqual({ mode: 'sandbox' })
  })

  it('loads a stored key at start and keeps the mode and verification across restarts', async () => {
    await ok('account.saveKey', { key: FAKE_KEY })
    feature.dispose()
    await start({ secrets })
    expect(await ok<AccountStatus>('account.status')).toMatchObject({
      firstRun: false,
      connection: { mode: 'krev' },
      key: { configured: true, backend: 'keychain', verified: true }
    })
  })
})

describe('account.credits', () => {
  it('fetches from the sandbox in sandbox mode, caches, refreshes on request, emits credits.changed', async () => {
    const first = await ok<Credits>('account.credits')
    expect(krev.calls.at(-1)).toMatchObject({ key: SANDBOX.key, baseUrl: SANDBOX.baseUrl })
    expect(await ok<Credits>('account.credits')).toEqual(first)
    expect(krev.calls).toHaveLength(1)
    krev.creditsAnswer = () => sampleCredits(1000)
    expect((await ok<Credits>('account.credits', { refresh: true })).current).toBe(1000)
    expect(rec.events.filter((e) => e.name === 'credits.changed').map((e) => (e.payload as Credits).current)).toEqual([
      1840, 1000
    ])
  })

  it('a 401 in Krev mode marks the key unverified; the error reaches the renderer', async () => {
    await ok('account.saveKey', { key: FAKE_KEY })
    krev.validKeys.delete(FAKE_KEY)
    const r = await call('account.credits', { refresh: true })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('unauthorized')
    expect((await ok<AccountStatus>('account.status')).key.verified).toBe(false)
  })

  it('offline: marks the connection offline and shows the last balance unless a refresh was asked', async () => {
    await ok('account.credits')
    krev.failWith = new AppError('network', 'Could not reach Krev.')
    const r = await call('account.credits', { refresh: true })
    expect(r.ok).toBe(false)
    expect((await ok<AccountStatus>('account.status')).connection.online).toBe(false)
    expect(rec.events.some((e) => e.name === 'app.connection' && (e.payload as { online: boolean }).online === false)).toBe(true)
    // Not forced: stale value, still offline.
    await new Promise((r) => setTimeout(r, 0))
    krev.creditsAnswer = () => sampleCredits(1)
    const stale = await feature.account.credits({ refresh: false })
    expect(stale.current).toBe(1840)
    krev.failWith = null
    await ok('account.credits', { refresh: true })
    expect((await ok<AccountStatus>('account.status')).connection.online).toBe(true)
  })
})

describe('settings and conversions commands', () => {
  it('settings.update validates, persists and emits settings.changed', async () => {
    const next = await ok<{ theme: string }>('settings.update', { patch: { theme: 'dark' } })
    expect(next.theme).toBe('dark')
    expect(rec.events.find((e) => e.name === 'settings.changed')?.payload).toMatchObject({ theme: 'dark' })
    const bad = await call('settings.update', { patch: { apiBaseUrl: 'http://example.com' } })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.code).toBe('invalid_input')
    expect((await ok<{ theme: string }>('settings.get')).theme).toBe('dark')
  })

  it('a new API base URL relabels the connection but the key is not sent there until the user confirms natively', async () => {
    await ok('account.saveKey', { key: FAKE_KEY })
    rec.events.length = 0
    const callsBefore = krev.calls.length
    await ok('settings.update', { patch: { apiBaseUrl: 'https://eu.krev.ai' } })
    expect(rec.events.find((e) => e.name === 'app.connection')?.payload).toMatchObject({ label: 'Krev · eu.krev.ai' })
    const changed = rec.events.filter((e) => e.name === 'account.changed').at(-1)?.payload as AccountStatus
    expect(changed.key.needsConfirmation).toEqual({ host: 'eu.krev.ai', boundHost: 'app.krev.ai' })
    const refused = await call('account.credits', { refresh: true })
    expect(refused.ok || refused.error.code).toBe('unauthorized')
    expect(krev.calls.length).toBe(callsBefore)

    confirmAnswer = false
    const declined = await ok<AccountStatus>('account.confirmApiBase')
    expect(confirmedHosts.at(-1)).toBe('eu.krev.ai')
    expect(declined.key.needsConfirmation).toBeDefined()
    expect(krev.calls.length).toBe(callsBefore)

    confirmAnswer = true
    const approved = await ok<AccountStatus>('account.confirmApiBase')
    expect(approved.key.needsConfirmation).toBeUndefined()
    expect(krev.calls.at(-1)).toMatchObject({ baseUrl: 'https://eu.krev.ai', key: FAKE_KEY })
    expect(decodeStoredKey(secrets.value ?? '')?.base).toBe('https://eu.krev.ai')
  })

  it('a key entered again while a new base is set is verified against, and bound to, that base', async () => {
    await ok('account.saveKey', { key: FAKE_KEY })
    await ok('settings.update', { patch: { apiBaseUrl: 'https://eu.krev.ai' } })
    const saved = await ok<AccountStatus>('account.saveKey', { key: FAKE_KEY })
    expect(saved.key.needsConfirmation).toBeUndefined()
    expect(krev.calls.at(-1)).toMatchObject({ baseUrl: 'https://eu.krev.ai' })
    await ok('account.credits', { refresh: true })
    expect(krev.calls.at(-1)).toMatchObject({ baseUrl: 'https://eu.krev.ai', key: FAKE_KEY })
  })

  it('conversions.send posts each event and sums; a partial failure says how many were sent', async () => {
    const ev = (id: string) => ({
      event_name: 'Purchase',
      event_time: 1777632000,
      event_id: id,
      action_source: 'website',
      user_data: { email: 'a@example.com' }
    })
    expect(await ok('conversions.send', { events: [ev('1'), ev('2')] })).toEqual({ status: 'sent', eventsReceived: 2 })
    krev.conversionAnswer = (e) => {
      if (e.event_id === 'b')
        throw new AppError('forbidden', 'not allowed', {
          status: 403,
          serverMessage: "This API key does not have the 'conversions' scope"
        })
      return { status: 'sent', events_received: 1 }
    }
    const r = await call('conversions.send', { events: [ev('a'), ev('b'), ev('c')] })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('forbidden')
      expect(r.error.message).toMatch(/^Sent 1 of 3 events\. Event 2 \("Purchase"\) failed: This key lacks the conversions scope/)
    }
  })
})
