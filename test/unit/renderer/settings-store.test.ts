import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  clampInt,
  diffSettings,
  initialSettingsState,
  rebaseDraft,
  useSettingsStore,
  validateSettings
} from '../../../src-renderer/src/stores/settings'
import { themeAttribute } from '../../../src-renderer/src/app/theme'
import { fail, installFakeBridge, ok, removeBridge } from './fake-bridge'
import { settings } from './fixtures'

beforeEach(() => useSettingsStore.setState(initialSettingsState))
afterEach(removeBridge)

describe('settings', () => {
  it('diffs only changed fields into a patch', () => {
    const saved = settings()
    expect(diffSettings(saved, saved)).toEqual({})
    expect(diffSettings(saved, { ...saved, theme: 'dark', pollConcurrency: 8 })).toEqual({ theme: 'dark', pollConcurrency: 8 })
  })

  it('rebases a draft on pushed settings, keeping edited fields', () => {
    const oldSaved = settings()
    const draft = { ...oldSaved, libraryDir: '/new' }
    const pushed = { ...oldSaved, theme: 'light' as const }
    expect(rebaseDraft(oldSaved, pushed, draft)).toEqual({ ...pushed, libraryDir: '/new' })
  })

  it('validates fields before saving', () => {
    expect(validateSettings(settings())).toEqual({})
    expect(validateSettings(settings({ libraryDir: '  ' })).libraryDir).toBeTruthy()
    expect(validateSettings(settings({ lowCreditThreshold: Number.NaN })).lowCreditThreshold).toBeTruthy()
    expect(validateSettings(settings({ lowCreditThreshold: 1.5 })).lowCreditThreshold).toBeTruthy()
    expect(validateSettings(settings({ apiBaseUrl: 'app.krev.ai' })).apiBaseUrl).toBeTruthy()
    expect(validateSettings(settings({ apiBaseUrl: 'ftp://x.y' })).apiBaseUrl).toBeTruthy()
    expect(validateSettings(settings({ apiBaseUrl: '' })).apiBaseUrl).toBeUndefined()
    expect(clampInt(20, 1, 8)).toBe(8)
    expect(clampInt(Number.NaN, 1, 8)).toBe(1)
  })

  it('loads, saves a patch and reports errors', async () => {
    const bridge = installFakeBridge({
      'settings.get': ok(settings()),
      'settings.update': (input: unknown) => ok(settings((input as { patch: object }).patch))
    })
    await useSettingsStore.getState().fetch()
    expect(useSettingsStore.getState()).toMatchObject({ load: 'ready', settings: { theme: 'system' } })
    await expect(useSettingsStore.getState().update({ theme: 'dark' })).resolves.toBeNull()
    expect(bridge.calls.at(-1)).toEqual({ name: 'settings.update', input: { patch: { theme: 'dark' } } })
    expect(useSettingsStore.getState().settings?.theme).toBe('dark')
    await expect(useSettingsStore.getState().update({})).resolves.toBeNull()
    expect(bridge.calls).toHaveLength(2)

    installFakeBridge({ 'settings.update': fail('io', 'The settings file could not be written') })
    await expect(useSettingsStore.getState().update({ notifications: false })).resolves.toBe('The settings file could not be written')
    expect(useSettingsStore.getState().saving).toBe(false)
  })

  it('maps the theme setting to the html attribute', () => {
    expect(themeAttribute('system')).toBeNull()
    expect(themeAttribute(undefined)).toBeNull()
    expect(themeAttribute('dark')).toBe('dark')
    expect(themeAttribute('light')).toBe('light')
  })
})
