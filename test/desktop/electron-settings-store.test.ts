// The Electron settings adapter (electron-store) under the electron double, in-process:
// it opens, writes and reads back, and a damaged file is handled exactly as with the
// conf-based opener the settings unit tests use (kept aside as settings.corrupt-<time>.json,
// defaults in use, one warning).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { electronStoreOpener } from '../../src-main/adapters/electron-settings-store'
import { confOpener } from '../../src-main/settings/conf-opener'
import type { JsonStoreOpener, Notice } from '../../src-main/settings/json-store'
import { createSettingsService } from '../../src-main/settings/settings-service'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'krev-electron-store-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const fixedNow = () => new Date('2026-02-26T10:15:00.000Z')

function damagedOutcome(opener: JsonStoreOpener, content: string) {
  writeFileSync(join(opener.dir, 'settings.json'), content)
  const notices: Notice[] = []
  const s = createSettingsService({ opener, onNotice: (n) => notices.push(n), now: fixedNow })
  return {
    theme: s.get().theme,
    files: readdirSync(opener.dir).sort(),
    backup: readFileSync(join(opener.dir, 'settings.corrupt-2026-02-26T10-15-00-000Z.json'), 'utf8'),
    notices: notices.map((n) => ({ level: n.level, message: n.message.replaceAll(opener.dir, '<dir>') }))
  }
}

describe('electron-store settings adapter under the electron double', () => {
  it('opens, writes atomically and reads back across reopen', () => {
    const first = createSettingsService({ opener: electronStoreOpener(dir), onNotice: () => undefined })
    first.update({ theme: 'dark' })
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).theme).toBe('dark')
    const again = createSettingsService({ opener: electronStoreOpener(dir), onNotice: () => undefined })
    expect(again.get().theme).toBe('dark')
  })

  it.each([
    ['truncated JSON', '{"theme": "dark", "downloadConc'],
    ['empty file', ''],
    ['an array', '[1,2,3]']
  ])('a damaged file (%s) is reported as with the conf opener', (_label, content) => {
    const electron = damagedOutcome(electronStoreOpener(join(dir)), content)
    const confDir = mkdtempSync(join(tmpdir(), 'krev-conf-'))
    try {
      expect(electron).toEqual(damagedOutcome(confOpener(confDir), content))
    } finally {
      rmSync(confDir, { recursive: true, force: true })
    }
    expect(electron.theme).toBe('system')
    expect(electron.backup).toBe(content)
    expect(electron.notices).toHaveLength(1)
    expect(electron.notices[0]!.level).toBe('warning')
  })
})
