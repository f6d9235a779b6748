import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  initialAccountState,
  keyErrorMessage,
  needsKeychainBanner,
  showWelcome,
  useAccountStore
} from '../../../src-renderer/src/stores/account'
import { initialAppState, useAppStore } from '../../../src-renderer/src/stores/app'
import { StudioError } from '../../../src-renderer/src/api/client'
import { fail, installFakeBridge, ok, removeBridge } from './fake-bridge'
import { credits, status } from './fixtures'

beforeEach(() => {
  useAccountStore.setState(initialAccountState)
  useAppStore.setState(initialAppState)
})
afterEach(removeBridge)

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('account store', () => {
  it('shows the welcome on first run until a path is chosen', async () => {
    expect(showWelcome(null, false)).toBe(false)
    expect(showWelcome(status({ firstRun: true }), false)).toBe(true)
    expect(showWelcome(status({ firstRun: true }), true)).toBe(false)

    const bridge = installFakeBridge({
      'account.useSandbox': ok(status({ firstRun: false })),
      'account.credits': ok(credits())
    })
    useAccountStore.getState().setStatus(status({ firstRun: true }))
    expect(useAccountStore.getState().welcomeDone).toBe(false)
    await expect(useAccountStore.getState().useSandbox()).resolves.toBeNull()
    await settle()
    expect(useAccountStore.getState()).toMatchObject({ welcomeDone: true, busy: null, credits: { current: 1840 } })
    expect(useAppStore.getState().connection?.label).toBe('Built-in sandbox')
    expect(bridge.calls.map((c) => c.name)).toEqual(['account.useSandbox', 'account.credits'])
  })

  it('saves a key and refreshes the balance', async () => {
    const saved = status({
      connection: { mode: 'krev', label: 'Krev · app.krev.ai', online: true },
      key: { configured: true, last4: 'abcd', backend: 'keychain', state: 'available', verified: true }
    })
    const bridge = installFakeBridge({ 'account.saveKey': ok(saved), 'account.credits': ok(credits()) })
    await expect(useAccountStore.getState().saveKey('  sk_live_0123456789abcdefabcd  ', { fromWelcome: true })).resolves.toBeNull()
    expect(bridge.calls[0]).toEqual({ name: 'account.saveKey', input: { key: 'sk_live_0123456789abcdefabcd' } })
    expect(useAccountStore.getState()).toMatchObject({ welcomeDone: true, status: { key: { last4: 'abcd' } } })
    expect(useAppStore.getState().connection?.mode).toBe('krev')
    await settle()
    expect(bridge.calls.at(-1)).toEqual({ name: 'account.credits', input: { refresh: true } })
  })

  it('words key errors by code', async () => {
    installFakeBridge({ 'account.saveKey': fail('invalid_input', 'key: bad') })
    expect(await useAccountStore.getState().saveKey('nope')).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/sk_live_/) })
    expect(await useAccountStore.getState().saveKey('   ')).toMatchObject({ code: 'invalid_input', message: 'Paste your Krev API key first.' })
    expect(keyErrorMessage(new StudioError('unauthorized', 'Krev did not accept this key.')).message).toBe('Krev did not accept this key.')
    expect(keyErrorMessage(new StudioError('keychain_unavailable', 'Unlock your keychain')).message).toBe('Unlock your keychain')
    expect(useAccountStore.getState().busy).toBeNull()
  })

  it('shows why the balance could not be read', async () => {
    installFakeBridge({ 'account.credits': fail('network', 'Krev could not be reached') })
    await useAccountStore.getState().loadCredits()
    expect(useAccountStore.getState()).toMatchObject({ creditsError: 'Krev could not be reached', creditsLoading: false })
  })

  it('shows the keychain banner for a memory-only key or an unusable keychain', () => {
    expect(needsKeychainBanner(null)).toBe(false)
    expect(needsKeychainBanner(status())).toBe(false)
    const key = status().key
    expect(needsKeychainBanner(status({ key: { ...key, backend: 'memory' } }))).toBe(true)
    expect(needsKeychainBanner(status({ key: { ...key, state: 'locked' } }))).toBe(true)
  })
})
