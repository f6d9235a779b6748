import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { confOpener } from '../../../src-main/settings/conf-opener'
import type { Notice } from '../../../src-main/settings/json-store'
import { v1ToV2, v2ToV3, v3ToV4 } from '../../../src-main/settings/settings-migrations'
import { createSettingsService } from '../../../src-main/settings/settings-service'
import { tempDir } from '../account/fakes'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir('krev-settings-mig-')
})
afterEach(() => tmp.cleanup())

const settingsFile = () => join(tmp.dir, 'settings.json')

/** The settings service started on a settings file holding `file`, and the notices it gives. */
function startOn(file: object): { s: ReturnType<typeof createSettingsService>; notices: Notice[] } {
  writeFileSync(settingsFile(), JSON.stringify(file))
  const notices: Notice[] = []
  return { s: createSettingsService({ opener: confOpener(tmp.dir), onNotice: (n) => notices.push(n) }), notices }
}

describe('settings migration v1 → v2', () => {
  it('upgrades a real v1 file on disk: one concurrency split in two, darkMode turned into theme', () => {
    // Exactly what a v1 build wrote: no schemaVersion, `concurrency`, `darkMode`.
    const { s, notices } = startOn({
      libraryDir: '/home/ana/Krev Library',
      concurrency: 6,
      notifications: false,
      darkMode: true,
      apiBaseUrl: 'https://app.krev.ai'
    })
    expect(s.get()).toEqual({
      libraryDir: '/home/ana/Krev Library',
      downloadConcurrency: 6,
      pollConcurrency: 7,
      notifications: false,
      spellcheck: false, // new in v3: off
      theme: 'dark',
      lowCreditThreshold: 200, // new in v2: default
      sessionSpendCap: 0, // new in v4: no cap
      confirmAbove: 200, // new in v4: default
      apiBaseUrl: 'https://app.krev.ai'
    })
    const onDisk = JSON.parse(readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>
    expect(onDisk.schemaVersion).toBe(4)
    expect(onDisk).not.toHaveProperty('concurrency')
    expect(onDisk).not.toHaveProperty('darkMode')
    expect(notices).toEqual([])
    // Opening again does not migrate twice.
    expect(createSettingsService({ opener: confOpener(tmp.dir) }).get().pollConcurrency).toBe(7)
  })

  it('maps darkMode false/null/absent to light/system/system and clamps concurrency', () => {
    expect(v1ToV2({ darkMode: false }).theme).toBe('light')
    expect(v1ToV2({ darkMode: null }).theme).toBe('system')
    expect(v1ToV2({}).theme).toBe('system')
    expect(v1ToV2({ concurrency: 40 })).toMatchObject({ downloadConcurrency: 8, pollConcurrency: 16 })
    expect(v1ToV2({ concurrency: 0 })).toMatchObject({ downloadConcurrency: 1, pollConcurrency: 1 })
    expect(v1ToV2({ concurrency: 'many' })).not.toHaveProperty('downloadConcurrency')
  })

  it('resets a value in a v1 file that is still invalid after migrating, with a backup and a warning', () => {
    const { s, notices } = startOn({ concurrency: 2, notifications: false, libraryDir: 'relative/path' })
    expect(s.get()).toMatchObject({
      downloadConcurrency: 2,
      pollConcurrency: 3,
      notifications: false,
      libraryDir: join(tmp.dir, 'Library')
    })
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ level: 'warning' })
    expect(notices[0]!.message).toMatch(/libraryDir/)
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('settings.corrupt-'))).toHaveLength(1)
  })

  it('opens a file from a newer version, saying unknown options are ignored', () => {
    const { s, notices } = startOn({ schemaVersion: 9, theme: 'dark', hologramMode: true })
    expect(s.get().theme).toBe('dark')
    expect(notices).toHaveLength(1)
    expect(notices[0]!.message).toMatch(/newer version/)
  })
})

describe('settings migration v2 → v3', () => {
  it('adds spellcheck, off, to a real v2 file and keeps every other value', () => {
    const v2 = {
      schemaVersion: 2,
      libraryDir: '/home/ana/Krev Library',
      downloadConcurrency: 5,
      pollConcurrency: 9,
      notifications: false,
      theme: 'light',
      lowCreditThreshold: 50,
      apiBaseUrl: 'https://app.krev.ai'
    }
    const { s, notices } = startOn(v2)
    const { schemaVersion: _v, ...values } = v2
    expect(s.get()).toEqual({ ...values, spellcheck: false, sessionSpendCap: 0, confirmAbove: 200 })
    const onDisk = JSON.parse(readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>
    expect(onDisk).toMatchObject({ schemaVersion: 4, spellcheck: false })
    expect(notices).toEqual([])
  })

  it('runs once: spellcheck turned on after the upgrade survives restarts (v3 is not re-migrated)', () => {
    writeFileSync(settingsFile(), JSON.stringify({ schemaVersion: 2, theme: 'dark' }))
    const first = createSettingsService({ opener: confOpener(tmp.dir) })
    expect(first.get().spellcheck).toBe(false)
    first.update({ spellcheck: true })
    const second = createSettingsService({ opener: confOpener(tmp.dir) })
    expect(second.get()).toMatchObject({ spellcheck: true, theme: 'dark' })
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toMatchObject({ schemaVersion: 4, spellcheck: true })
  })

  it('keeps an explicit spellcheck: true already in a v2 file', () => {
    writeFileSync(settingsFile(), JSON.stringify({ schemaVersion: 2, spellcheck: true }))
    expect(createSettingsService({ opener: confOpener(tmp.dir) }).get().spellcheck).toBe(true)
  })

  it('turns spellcheck on only for an explicit true', () => {
    expect(v2ToV3({}).spellcheck).toBe(false)
    expect(v2ToV3({ spellcheck: 'yes' }).spellcheck).toBe(false)
    expect(v2ToV3({ spellcheck: true }).spellcheck).toBe(true)
  })
})

describe('settings migration v3 → v4', () => {
  it('adds no spending cap and the default confirmation threshold to a real v3 file, keeping every other value', () => {
    const v3 = {
      schemaVersion: 3,
      libraryDir: '/home/ana/Krev Library',
      downloadConcurrency: 2,
      pollConcurrency: 5,
      notifications: true,
      spellcheck: true,
      theme: 'dark',
      lowCreditThreshold: 75,
      apiBaseUrl: 'https://app.krev.ai'
    }
    const { s, notices } = startOn(v3)
    const { schemaVersion: _v, ...values } = v3
    expect(s.get()).toEqual({ ...values, sessionSpendCap: 0, confirmAbove: 200 })
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toMatchObject({ schemaVersion: 4, sessionSpendCap: 0, confirmAbove: 200 })
    expect(notices).toEqual([])
  })

  it('runs once: a cap set after the upgrade survives restarts', () => {
    writeFileSync(settingsFile(), JSON.stringify({ schemaVersion: 3, theme: 'light' }))
    createSettingsService({ opener: confOpener(tmp.dir) }).update({ sessionSpendCap: 500, confirmAbove: 0 })
    expect(createSettingsService({ opener: confOpener(tmp.dir) }).get()).toMatchObject({ sessionSpendCap: 500, confirmAbove: 0, theme: 'light' })
  })

  it('keeps values already present for field validation to judge; an invalid one is reset with a notice', () => {
    expect(v3ToV4({ sessionSpendCap: 300, confirmAbove: 10 })).toMatchObject({ sessionSpendCap: 300, confirmAbove: 10 })
    const { s, notices } = startOn({ schemaVersion: 3, sessionSpendCap: -5 })
    expect(s.get().sessionSpendCap).toBe(0)
    expect(notices).toHaveLength(1)
    expect(notices[0]!.message).toMatch(/sessionSpendCap/)
  })
})
