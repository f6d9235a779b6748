import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAccountFeature, type AccountFeature } from '../../../src-main/account/create-account'
import { createKeytarSecretStore } from '../../../src-main/adapters/keytar-secret-store'
import { createFileLogger } from '../../../src-main/core/logger'
import { EventBus } from '../../../src-main/ipc/event-bus'
import { createRouter, type Router } from '../../../src-main/ipc/router'
import { createKrevClient } from '../../../src-main/krev/client'
import { startSandbox, type SandboxHandle } from '../../../src-main/sandbox'
import { confOpener } from '../../../src-main/settings/conf-opener'
import type { AccountStatus, Credits, Envelope, EventName } from '../../../src-preload/contract'
import { inCI, probeKeychain } from '../keychain/keychain-probe'
import { withUnusedHandlers } from '../../support/handlers'

// The real client against two real sandboxes: one plays the embedded sandbox, the other
// plays "Krev" (apiBaseUrl points at it), with a recognisable key scanned for at the end.
const KEY = `sk_live_${'AccountCanaryKey'.padEnd(32, '9')}`
const CANARY = 'AccountCanaryKey'

const probe = await probeKeychain()
if (!probe.reachable && inCI()) throw new Error(`No Secret Service reachable in CI (${probe.reason}); run under scripts/with-keyring.sh`)

let embedded: SandboxHandle
let krev: SandboxHandle
let noPixel: SandboxHandle
const sandboxDirs: string[] = []

beforeAll(async () => {
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'krev-sbx-'))
    sandboxDirs.push(d)
    return d
  }
  embedded = await startSandbox({ port: 0, dataDir: dir(), speed: 100 })
  krev = await startSandbox({ port: 0, key: KEY, credits: 1234, dataDir: dir(), speed: 100 })
  noPixel = await startSandbox({ port: 0, dataDir: dir(), metaPixel: false, speed: 100 })
})
afterAll(async () => {
  await Promise.all([embedded?.close(), krev?.close(), noPixel?.close()])
  for (const d of sandboxDirs) rmSync(d, { recursive: true, force: true })
})

let dataDir: string
let feature: AccountFeature
let router: Router
let events: { name: EventName; payload: unknown }[]
const invalid: string[] = []

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'krev-app-'))
  const bus = new EventBus((n, i) => invalid.push(`${n}: ${i}`))
  events = []
  bus.subscribe((name, payload) => events.push({ name, payload }))
  feature = await createAccountFeature({
    opener: confOpener(dataDir),
    // The real keychain when there is one (under with-keyring.sh); otherwise the vault's
    // memory fallback is exercised, which is what a machine without a keychain gets.
    secrets: createKeytarSecretStore({ service: `Krev Studio (account test ${process.pid})` }),
    bus,
    ensureSandbox: async () => ({ baseUrl: embedded.baseUrl, key: embedded.key }),
    clientFactory: createKrevClient,
    logger: createFileLogger(join(dataDir, 'logs'))
  })
  router = createRouter(withUnusedHandlers(feature.handlers))
  await ok('settings.update', { patch: { apiBaseUrl: krev.baseUrl } })
})
afterEach(async () => {
  await feature.account.removeKey()
  feature.dispose()
  rmSync(dataDir, { recursive: true, force: true })
  expect(invalid).toEqual([])
})

async function call<T>(name: string, input: unknown = {}): Promise<Envelope<T>> {
  return (await router.dispatch(name, input, { transport: 'test' })) as Envelope<T>
}
async function ok<T>(name: string, input: unknown = {}): Promise<T> {
  const r = await call<T>(name, input)
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
  return r.data
}
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
const conversion = (id: string) => ({
  event_name: 'Purchase',
  event_time: Math.floor(Date.now() / 1000) - 60,
  event_id: id,
  action_source: 'website' as const,
  user_data: { em: 'customer@example.com' },
  custom_data: { currency: 'USD', value: 79 }
})

describe('account feature on the real client and sandbox', () => {
  it('full session: sandbox credits, bad and refused keys, save, credits, conversions, settings, remove; key never on disk', async () => {
    expect((await ok<AccountStatus>('account.status')).firstRun).toBe(true)
    expect((await ok<Credits>('account.credits')).current).toBe(2500) // the embedded sandbox

    const bad = await call('account.saveKey', { key: 'sk_live_short' })
    expect(!bad.ok && bad.error.code).toBe('invalid_input')
    const refused = await call('account.saveKey', { key: `sk_live_${'x'.repeat(32)}` })
    expect(!refused.ok && refused.error.message).toMatch(/^Krev did not accept this key/)

    const saved = await ok<AccountStatus>('account.saveKey', { key: KEY })
    expect(saved).toMatchObject({
      firstRun: false,
      connection: { mode: 'krev', label: `Krev · 127.0.0.1:${krev.port}`, online: true },
      key: { configured: true, verified: true, last4: KEY.slice(-4), backend: probe.reachable ? 'keychain' : 'memory' }
    })
    expect(events.filter((e) => e.name === 'credits.changed').at(-1)?.payload).toMatchObject({ current: 1234, planName: expect.any(String) })
    expect((await ok<Credits>('account.credits', { refresh: true })).current).toBe(1234)

    expect(await ok('conversions.send', { events: [conversion('o1'), conversion('o2')] })).toEqual({
      status: 'sent',
      eventsReceived: 2
    })
    await ok('settings.update', { patch: { theme: 'dark', downloadConcurrency: 2 } })

    // Switching back and forth needs no restart.
    await ok('account.useSandbox')
    expect((await ok<Credits>('account.credits')).current).toBe(2500)
    await ok('account.useKrev')
    expect((await ok<Credits>('account.credits')).current).toBe(1234)

    const removed = await ok<AccountStatus>('account.removeKey')
    expect(removed).toMatchObject({ connection: { mode: 'sandbox' }, key: { configured: false } })
    if (probe.reachable) expect(await probe.store.get()).toEqual({ ok: true, value: null })

    for (const file of filesUnder(dataDir)) {
      expect(readFileSync(file).toString('latin1').includes(CANARY), `${file} holds the key`).toBe(false)
    }
    expect(JSON.stringify(events)).not.toContain(CANARY)
  })

  it('a key Krev cannot be reached for is stored unverified', async () => {
    const port = await closedPort()
    await ok('settings.update', { patch: { apiBaseUrl: `http://127.0.0.1:${port}` } })
    const s = await ok<AccountStatus>('account.saveKey', { key: KEY })
    expect(s.key).toMatchObject({ configured: true, verified: false })
    expect(s.connection.mode).toBe('sandbox')
  })

  it('conversions: a key without the conversions scope, and an account without a pixel, are explained', async () => {
    const limited = krev.createKey({ scopes: ['credits'] })
    await ok('account.saveKey', { key: limited })
    const r = await call('conversions.send', { events: [conversion('x1')] })
    expect(!r.ok && r.error.message).toMatch(/^No events were sent\. The first event \("Purchase"\) failed: This key lacks the conversions scope/)

    await ok('settings.update', { patch: { apiBaseUrl: noPixel.baseUrl } })
    await ok('account.saveKey', { key: noPixel.key })
    const p = await call('conversions.send', { events: [conversion('y1')] })
    expect(!p.ok && p.error.message).toMatch(/no active Meta pixel/)
  })
})

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}
