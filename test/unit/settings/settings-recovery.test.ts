import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAccountFeature } from '../../../src-main/account/create-account'
import { noKeychainSecretStore } from '../../../src-main/account/secret-store'
import { confOpener } from '../../../src-main/settings/conf-opener'
import type { Notice } from '../../../src-main/settings/json-store'
import { createSettingsService } from '../../../src-main/settings/settings-service'
import { fakeKrev, recordingBus, tempDir } from '../account/fakes'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir('krev-settings-rec-')
})
afterEach(() => tmp.cleanup())

const settingsFile = () => join(tmp.dir, 'settings.json')
const backups = () => readdirSync(tmp.dir).filter((n) => /^settings\.corrupt-.+\.json$/.test(n))
const fixedNow = () => new Date('2026-02-26T10:15:00.000Z')

describe('a damaged settings file is kept and reported, never silently reset', () => {
  it.each([
    ['truncated JSON', '{"theme": "dark", "downloadConc'],
    ['empty file', ''],
    ['an array', '[1,2,3]'],
    ['binary garbage', '\u0000\u0001\u0002PK']
  ])('%s → renamed to settings.corrupt-<timestamp>.json, defaults in use, warning', (_label, content) => {
    writeFileSync(settingsFile(), content)
    const notices: Notice[] = []
    const s = createSettingsService({ opener: confOpener(tmp.dir), onNotice: (n) => notices.push(n), now: fixedNow })
    expect(s.get().theme).toBe('system')
    expect(backups()).toEqual(['settings.corrupt-2026-02-26T10-15-00-000Z.json'])
    expect(readFileSync(join(tmp.dir, backups()[0]!), 'utf8')).toBe(content)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ level: 'warning' })
    expect(notices[0]!.message).toContain('settings.corrupt-2026-02-26T10-15-00-000Z.json')
    // A fresh, valid file is in place and later writes work.
    s.update({ theme: 'light' })
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8')).theme).toBe('light')
  })

  it('resets only the invalid fields of a readable file, keeping a copy of the original', () => {
    const original = JSON.stringify({
      schemaVersion: 2,
      theme: 'dark',
      downloadConcurrency: 99,
      apiBaseUrl: 'http://evil.example.com',
      notifications: false
    })
    writeFileSync(settingsFile(), original)
    const notices: Notice[] = []
    const s = createSettingsService({ opener: confOpener(tmp.dir), onNotice: (n) => notices.push(n), now: fixedNow })
    expect(s.get()).toMatchObject({
      theme: 'dark',
      notifications: false,
      downloadConcurrency: 3,
      apiBaseUrl: 'https://app.krev.ai'
    })
    expect(backups()).toHaveLength(1)
    expect(readFileSync(join(tmp.dir, backups()[0]!), 'utf8')).toBe(original)
    expect(notices[0]!.level).toBe('warning')
    expect(notices[0]!.message).toMatch(/downloadConcurrency, apiBaseUrl/)
  })

  it('keeps running on defaults (session only) when the file cannot be read at all', () => {
    mkdirSync(settingsFile()) // a folder where the file should be: EISDIR on read
    const notices: Notice[] = []
    const s = createSettingsService({ opener: confOpener(tmp.dir), onNotice: (n) => notices.push(n) })
    expect(s.get().theme).toBe('system')
    expect(s.update({ theme: 'dark' }).theme).toBe('dark')
    expect(notices[0]).toMatchObject({ level: 'error' })
    expect(notices[0]!.message).toMatch(/this session only/)
  })

  it('reaches the renderer as an app.notice warning when the account feature starts', async () => {
    writeFileSync(settingsFile(), '{not json')
    const { bus, events, invalid } = recordingBus()
    const feature = await createAccountFeature({
      opener: confOpener(tmp.dir),
      secrets: noKeychainSecretStore(),
      bus,
      ensureSandbox: async () => ({ baseUrl: 'http://127.0.0.1:1', key: 'sk_live_sandboxKey_000000000000' }),
      clientFactory: fakeKrev().factory
    })
    const notices = events.filter((e) => e.name === 'app.notice').map((e) => e.payload as Notice)
    expect(notices.some((n) => n.level === 'warning' && /settings\.corrupt-/.test(n.message))).toBe(true)
    expect(feature.startupNotices().some((n) => /settings\.corrupt-/.test(n.message))).toBe(true)
    expect(invalid).toEqual([])
    feature.dispose()
  })
})
