import { describe, expect, it, vi } from 'vitest'
import {
  createKeytarSecretStore,
  DEFAULT_KEYCHAIN_TIMEOUT_MS,
  type KeytarLike
} from '../../../src-main/adapters/keytar-secret-store'

function memoryKeytar(): KeytarLike & { items: Map<string, string> } {
  const items = new Map<string, string>()
  const id = (s: string, a: string) => `${s}/${a}`
  return {
    items,
    getPassword: async (s, a) => items.get(id(s, a)) ?? null,
    setPassword: async (s, a, p) => void items.set(id(s, a), p),
    deletePassword: async (s, a) => items.delete(id(s, a))
  }
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined)

describe('keytar secret store', () => {
  it('sets, gets and deletes under "Krev Studio" / "api-key"', async () => {
    const kt = memoryKeytar()
    const store = createKeytarSecretStore({ loadKeytar: () => kt })
    expect(await store.get()).toEqual({ ok: true, value: null })
    expect(await store.set('sk_live_secretsecretsecret')).toEqual({ ok: true, value: undefined })
    expect([...kt.items.keys()]).toEqual(['Krev Studio/api-key'])
    expect(await store.get()).toEqual({ ok: true, value: 'sk_live_secretsecretsecret' })
    expect(await store.delete()).toEqual({ ok: true, value: true })
    expect(store.health()).toEqual({ state: 'available' })
    expect(store.lastFailureCause()).toBeNull()
  })

  it('defaults to a 3 s timeout', () => {
    expect(DEFAULT_KEYCHAIN_TIMEOUT_MS).toBe(3_000)
  })

  it('reports a keytar that hangs forever as locked within the timeout, instead of hanging', async () => {
    const kt: KeytarLike = { getPassword: never, setPassword: never, deletePassword: never }
    const store = createKeytarSecretStore({ loadKeytar: () => kt, timeoutMs: 150 })
    // A hang would fail this test by its own timeout; the answer names the bound it hit.
    const result = await store.get()
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.state).toBe('locked')
    expect(result.message).toMatch(/did not answer within 0\.2 s/)
    expect(store.health().state).toBe('locked')
    expect(store.lastFailureCause()).toBe('timeout')
  })

  it('reports the hang with the default 3 s timeout (fake clock)', async () => {
    vi.useFakeTimers()
    try {
      const store = createKeytarSecretStore({
        loadKeytar: () => ({ getPassword: never, setPassword: never, deletePassword: never })
      })
      let settled: unknown = null
      void store.get().then((r) => (settled = r))
      await vi.advanceTimersByTimeAsync(2_999)
      expect(settled).toBeNull()
      await vi.advanceTimersByTimeAsync(1)
      expect(settled).toMatchObject({ ok: false, state: 'locked' })
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not pile up calls behind a stuck one, and recovers once it settles', async () => {
    let release: (v: string | null) => void = () => undefined
    const getPassword = vi.fn(
      () =>
        new Promise<string | null>((resolve) => {
          release = resolve
        })
    )
    const kt: KeytarLike = { ...memoryKeytar(), getPassword }
    const store = createKeytarSecretStore({ loadKeytar: () => kt, timeoutMs: 50 })
    expect((await store.get()).ok).toBe(false)
    // Answered at once: settled before the next turn of the event loop, so it never waited
    // for a timeout of its own, and no new native call was made.
    const second = await Promise.race([
      store.set('sk_live_secretsecretsecret'),
      new Promise<'still waiting'>((r) => setImmediate(() => r('still waiting')))
    ])
    expect(second).toMatchObject({ ok: false, state: 'locked' })
    expect(store.lastFailureCause()).toBe('timeout')
    expect(getPassword).toHaveBeenCalledTimes(1)
    release(null)
    await new Promise((r) => setTimeout(r, 0))
    expect(await store.set('sk_live_secretsecretsecret')).toEqual({ ok: true, value: undefined })
    expect(store.health().state).toBe('available')
    expect(store.lastFailureCause()).toBeNull()
  })

  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'unavailable'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'unavailable'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked']
  ] as const)('maps a keytar rejection "%s" to %s', async (text, state) => {
    const fail = async () => {
      throw new Error(text)
    }
    const store = createKeytarSecretStore({
      loadKeytar: () => ({ getPassword: fail, setPassword: fail, deletePassword: fail })
    })
    expect(await store.set('sk_live_secretsecretsecret')).toMatchObject({ ok: false, state })
    expect(store.health().state).toBe(state)
    expect(store.health().message).toBeTruthy()
    expect(store.lastFailureCause()).toBe('keychain')
  })

  it('turns a keytar module that cannot load into "unavailable", not a crash', async () => {
    const load = vi.fn(() => {
      throw new Error('libsecret-1.so.0: cannot open shared object file')
    })
    const store = createKeytarSecretStore({ loadKeytar: load })
    expect(await store.get()).toMatchObject({ ok: false, state: 'unavailable' })
    expect(await store.delete()).toMatchObject({ ok: false, state: 'unavailable' })
    expect(store.lastFailureCause()).toBe('module')
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('catches a keytar that throws synchronously', async () => {
    const boom = () => {
      throw new Error('Unexpected native failure')
    }
    const store = createKeytarSecretStore({
      loadKeytar: () => ({ getPassword: boom, setPassword: boom, deletePassword: boom }) as unknown as KeytarLike
    })
    expect(await store.get()).toMatchObject({ ok: false, state: 'error' })
    expect(store.lastFailureCause()).toBe('keychain')
  })
})
