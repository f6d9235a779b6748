import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createConnection, SANDBOX_LABEL } from '../../../src-main/account/connection'
import { createKeyVault } from '../../../src-main/account/key-vault'
import { isAppError } from '../../../src-main/core/app-error'
import { createAppStateStore } from '../../../src-main/settings/app-state'
import { confOpener } from '../../../src-main/settings/conf-opener'
import type { Notice } from '../../../src-main/settings/json-store'
import { createSettingsService } from '../../../src-main/settings/settings-service'
import { FAKE_KEY, fakeKrev, fakeSecrets, tempDir } from './fakes'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir('krev-conn-')
})
afterEach(() => tmp.cleanup())

const SANDBOX = { baseUrl: 'http://127.0.0.1:45123', key: 'sk_live_sandboxKey_000000000000' }

async function setup(opts: { envApiBase?: string; key?: string | null } = {}) {
  const opener = confOpener(tmp.dir)
  const settings = createSettingsService({ opener })
  const appState = createAppStateStore({ opener })
  const vault = createKeyVault({ secrets: fakeSecrets(opts.key === undefined ? FAKE_KEY : opts.key) })
  await vault.load()
  // Bound as createAccountFeature binds a legacy key: to the base configured at start.
  if (vault.bound()) await vault.rebind(opts.envApiBase && !opts.envApiBase.includes('attacker') ? opts.envApiBase.replace(/\/$/, '') : 'https://app.krev.ai')
  const krev = fakeKrev()
  const ensureSandbox = vi.fn(async () => SANDBOX)
  const notices: Notice[] = []
  const connection = createConnection({
    settings,
    appState,
    vault,
    ensureSandbox,
    clientFactory: krev.factory,
    envApiBase: opts.envApiBase,
    onNotice: (n) => notices.push(n)
  })
  const changes: unknown[] = []
  connection.onChange((c) => changes.push(c))
  return { settings, appState, vault, krev, ensureSandbox, connection, changes, notices }
}

describe('connection', () => {
  it('starts in sandbox mode, and starts the sandbox only when a client is first needed', async () => {
    const { connection, ensureSandbox, krev } = await setup()
    expect(connection.status()).toEqual({ mode: 'sandbox', label: SANDBOX_LABEL, online: true })
    expect(ensureSandbox).not.toHaveBeenCalled()
    const client = await connection.client()
    expect(await connection.client()).toBe(client)
    expect(ensureSandbox).toHaveBeenCalledTimes(1)
    expect(krev.built[0]).toMatchObject({ baseUrl: SANDBOX.baseUrl, trustedMediaOrigins: ['http://127.0.0.1:45123'] })
    await client.credits()
    expect(krev.calls[0]).toMatchObject({ key: SANDBOX.key, baseUrl: SANDBOX.baseUrl })
  })

  it('tries the sandbox again after a failed start, with a clear error', async () => {
    const { connection, ensureSandbox } = await setup()
    ensureSandbox.mockRejectedValueOnce(new Error('EADDRINUSE'))
    const first = await connection.client().catch((e: unknown) => e)
    expect(isAppError(first) && first.message).toMatch(/sandbox could not be started/)
    await expect(connection.client()).resolves.toBeDefined()
    expect(ensureSandbox).toHaveBeenCalledTimes(2)
  })

  it('switches to Krev without restart, using settings.apiBaseUrl and the vault key', async () => {
    const { connection, krev, changes, appState } = await setup()
    const sandboxClient = await connection.client()
    expect(connection.setMode('krev')).toEqual({ mode: 'krev', label: 'Krev · app.krev.ai', online: true })
    expect(appState.get().connectionMode).toBe('krev')
    const client = await connection.client()
    expect(client).not.toBe(sandboxClient)
    expect(krev.built.at(-1)).toMatchObject({ baseUrl: 'https://app.krev.ai' })
    expect(krev.built.at(-1)?.trustedMediaOrigins).toBeUndefined()
    await client.credits()
    expect(krev.calls.at(-1)).toMatchObject({ key: FAKE_KEY, baseUrl: 'https://app.krev.ai' })
    expect(changes).toEqual([{ mode: 'krev', label: 'Krev · app.krev.ai', online: true }])
    connection.setMode('krev')
    expect(changes).toHaveLength(1) // no change, no event
  })

  it('refuses a Krev client without a key, pointing to Settings', async () => {
    const { connection } = await setup({ key: null })
    connection.setMode('krev')
    const error = await connection.client().catch((e: unknown) => e)
    expect(isAppError(error) && error.code).toBe('unauthorized')
    expect((error as Error).message).toMatch(/Add your Krev API key/)
  })

  it('follows an API base URL change in settings, but builds no client for it until the key is rebound', async () => {
    const { connection, settings, changes, krev, vault } = await setup()
    connection.setMode('krev')
    const built = krev.built.length
    settings.update({ apiBaseUrl: 'https://staging.krev.ai' })
    expect(connection.status().label).toBe('Krev · staging.krev.ai')
    expect(changes.at(-1)).toMatchObject({ label: 'Krev · staging.krev.ai' })
    expect(connection.baseMismatch()).toEqual({ host: 'staging.krev.ai', boundHost: 'app.krev.ai' })
    const refused = await connection.client().catch((e: unknown) => e)
    expect(isAppError(refused) && refused.code).toBe('unauthorized')
    expect(krev.built.length).toBe(built)
    await vault.rebind('https://staging.krev.ai')
    await connection.client()
    expect(krev.built.at(-1)?.baseUrl).toBe('https://staging.krev.ai')
  })

  it('gives the key to the client only with its bound origin, and trusts media only from a loopback base', async () => {
    const { connection, krev, settings, vault } = await setup()
    connection.setMode('krev')
    await connection.client()
    expect(await krev.built.at(-1)?.getKey()).toEqual({ key: FAKE_KEY, origin: 'https://app.krev.ai' })
    expect(krev.built.at(-1)?.trustedMediaOrigins).toBeUndefined()
    settings.update({ apiBaseUrl: 'http://127.0.0.1:4555' })
    await vault.rebind('http://127.0.0.1:4555')
    await connection.client()
    expect(krev.built.at(-1)?.trustedMediaOrigins).toEqual(['http://127.0.0.1:4555'])
  })

  it('lets KREV_API_BASE override the setting, and ignores an unsafe one with a warning', async () => {
    const a = await setup({ envApiBase: 'http://127.0.0.1:9999/' })
    a.connection.setMode('krev')
    expect(a.connection.krevBaseUrl()).toBe('http://127.0.0.1:9999')
    expect(a.connection.status().label).toBe('Krev · 127.0.0.1:9999')
    tmp.cleanup()
    tmp = tempDir('krev-conn-')
    const b = await setup({ envApiBase: 'http://attacker.example' })
    expect(b.connection.krevBaseUrl()).toBe('https://app.krev.ai')
    expect(b.notices[0]?.message).toMatch(/KREV_API_BASE is ignored/)
  })

  it('a KREV_API_BASE other than the key’s verified base puts the key on hold too', async () => {
    const { settings, appState, vault, krev } = await setup()
    const withEnv = createConnection({
      settings,
      appState,
      vault,
      ensureSandbox: async () => SANDBOX,
      clientFactory: krev.factory,
      envApiBase: 'http://127.0.0.1:9999'
    })
    withEnv.setMode('krev')
    expect(withEnv.baseMismatch()).toEqual({ host: '127.0.0.1:9999', boundHost: 'app.krev.ai' })
    const built = krev.built.length
    const refused = await withEnv.client().catch((e: unknown) => e)
    expect(isAppError(refused) && refused.code).toBe('unauthorized')
    expect(krev.built.length).toBe(built)
  })

  it('reports reachability changes once', async () => {
    const { connection, changes } = await setup()
    connection.reportOnline(false)
    connection.reportOnline(false)
    expect(connection.status().online).toBe(false)
    connection.reportOnline(true)
    expect(changes).toEqual([
      { mode: 'sandbox', label: SANDBOX_LABEL, online: false },
      { mode: 'sandbox', label: SANDBOX_LABEL, online: true }
    ])
  })

  it('builds a probe client for a candidate key against the Krev base, one attempt only', async () => {
    const { connection, krev } = await setup()
    const probe = connection.probeClient('sk_live_candidateKey_12345678')
    expect(krev.built.at(-1)).toMatchObject({ baseUrl: 'https://app.krev.ai', retry: { maxAttempts: 1 } })
    await probe.credits().catch(() => undefined)
    expect(krev.calls.at(-1)?.key).toBe('sk_live_candidateKey_12345678')
  })
})
