import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Conf from 'conf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../../src-main/core/app-error'
import { confOpener } from '../../../src-main/settings/conf-opener'
import { createSettingsService } from '../../../src-main/settings/settings-service'
import { SETTINGS_VERSION, settingsDefaults } from '../../../src-main/settings/settings-schema'
import { tempDir } from '../account/fakes'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir('krev-settings-')
})
afterEach(() => tmp.cleanup())

const fileOf = (dir: string) => join(dir, 'settings.json')
const readFile = (dir: string) => JSON.parse(readFileSync(fileOf(dir), 'utf8')) as Record<string, unknown>

function expectInvalid(fn: () => unknown, pattern: RegExp): void {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(isAppError(caught), 'expected an AppError').toBe(true)
  if (!isAppError(caught)) return
  expect(caught.code).toBe('invalid_input')
  expect(caught.message).toMatch(pattern)
}

describe('settings: defaults and persistence', () => {
  it('starts from the documented defaults, library under the data dir, and writes them with a version', () => {
    const s = createSettingsService({ opener: confOpener(tmp.dir) })
    expect(s.get()).toEqual(settingsDefaults(join(tmp.dir, 'Library')))
    expect(s.path).toBe(fileOf(tmp.dir))
    expect(readFile(tmp.dir)).toMatchObject({ schemaVersion: SETTINGS_VERSION, theme: 'system' })
  })

  it('uses a given default library folder', () => {
    const s = createSettingsService({ opener: confOpener(tmp.dir), defaultLibraryDir: '/home/me/Pictures/Krev' })
    expect(s.get().libraryDir).toBe('/home/me/Pictures/Krev')
  })

  it('persists an update, readable by plain conf and by a fresh service', () => {
    const s = createSettingsService({ opener: confOpener(tmp.dir) })
    const next = s.update({ theme: 'dark', downloadConcurrency: 5, apiBaseUrl: 'https://staging.krev.ai/' })
    expect(next).toMatchObject({ theme: 'dark', downloadConcurrency: 5, apiBaseUrl: 'https://staging.krev.ai' })
    const conf = new Conf<Record<string, unknown>>({ cwd: tmp.dir, configName: 'settings' })
    expect(conf.get('theme')).toBe('dark')
    expect(createSettingsService({ opener: confOpener(tmp.dir) }).get()).toEqual(next)
  })

  it('notifies listeners with the new and previous values, and not for a no-op patch', () => {
    const s = createSettingsService({ opener: confOpener(tmp.dir) })
    const seen: [string, string][] = []
    s.onChange((next, prev) => seen.push([next.theme, prev.theme]))
    s.update({ theme: 'light' })
    s.update({ theme: 'light' })
    s.update({})
    expect(seen).toEqual([['light', 'system']])
  })
})

describe('settings: every update is validated; a bad patch changes nothing', () => {
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['concurrency 0', { downloadConcurrency: 0 }, /downloadConcurrency/],
    ['concurrency 9', { downloadConcurrency: 9 }, /downloadConcurrency/],
    ['poll concurrency 2.5', { pollConcurrency: 2.5 }, /pollConcurrency/],
    ['NaN threshold', { lowCreditThreshold: Number.NaN }, /lowCreditThreshold/],
    ['negative threshold', { lowCreditThreshold: -1 }, /lowCreditThreshold/],
    ['unknown theme', { theme: 'sepia' }, /theme/],
    ['notifications as string', { notifications: 'yes' }, /notifications/],
    ['relative library', { libraryDir: 'Library' }, /absolute/],
    ['empty library', { libraryDir: '' }, /libraryDir/],
    ['NUL in library', { libraryDir: '/tmp/a\0b' }, /libraryDir/],
    ['http to a remote host', { apiBaseUrl: 'http://app.krev.ai' }, /https/],
    ['http to a private address', { apiBaseUrl: 'http://192.168.1.10:3000' }, /https/],
    ['ftp', { apiBaseUrl: 'ftp://app.krev.ai' }, /https/],
    ['javascript', { apiBaseUrl: 'javascript:alert(1)' }, /https/],
    ['not a URL', { apiBaseUrl: 'app.krev.ai' }, /full URL/],
    ['credentials in URL', { apiBaseUrl: 'https://user:pw@app.krev.ai' }, /user name/],
    ['query in URL', { apiBaseUrl: 'https://app.krev.ai/?x=1' }, /query/],
    ['unknown field', { colour: 'red' }, /Unknown setting: colour/],
    ['__proto__', JSON.parse('{"__proto__": {"theme": "dark"}, "theme": "light"}') as Record<string, unknown>, /Unknown setting/],
    ['huge string', { libraryDir: `/${'a'.repeat(5000)}` }, /libraryDir/]
  ]
  it.each(bad)('%s', (_label, patch, pattern) => {
    const s = createSettingsService({ opener: confOpener(tmp.dir) })
    const before = readFileSync(fileOf(tmp.dir), 'utf8')
    const seen: unknown[] = []
    s.onChange((n) => seen.push(n))
    // A valid field next to the bad one must not be applied either.
    expectInvalid(() => s.update({ notifications: false, ...patch } as never), pattern)
    expect(s.get().notifications).toBe(true)
    expect(readFileSync(fileOf(tmp.dir), 'utf8')).toBe(before)
    expect(seen).toEqual([])
  })

  it.each([
    ['https', 'https://app.krev.ai', 'https://app.krev.ai'],
    ['https with /api/v1 path', 'https://app.krev.ai/api/v1/', 'https://app.krev.ai/api/v1'],
    ['http loopback IP with port', 'http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http localhost', 'http://localhost:8080/', 'http://localhost:8080']
  ])('accepts %s as API base URL', (_label, input, stored) => {
    const s = createSettingsService({ opener: confOpener(tmp.dir) })
    expect(s.update({ apiBaseUrl: input }).apiBaseUrl).toBe(stored)
  })
})

describe('settings: file writes', () => {
  it('replaces the file atomically (a new inode via rename, never an in-place rewrite)', async () => {
    const { linkSync, statSync } = await import('node:fs')
    const s = createSettingsService({ opener: confOpener(tmp.dir) })
    // A hard link keeps pointing at the old inode if the writer renames a temp file over
    // the target (atomic); an in-place write would change both names' content.
    const link = join(tmp.dir, 'settings.link')
    linkSync(fileOf(tmp.dir), link)
    const before = readFileSync(link, 'utf8')
    const inode = statSync(fileOf(tmp.dir)).ino
    s.update({ theme: 'dark' })
    expect(readFileSync(link, 'utf8')).toBe(before)
    expect(statSync(fileOf(tmp.dir)).ino).not.toBe(inode)
    expect(readFile(tmp.dir).theme).toBe('dark')
  })

  it('keeps the old value and reports io when the write fails', () => {
    const opener = confOpener(tmp.dir)
    const failing = {
      dir: tmp.dir,
      open: (name: string) => {
        const real = opener.open(name)
        let fail = false
        return {
          path: real.path,
          get store() {
            return real.store
          },
          set store(v: Record<string, unknown>) {
            if (fail) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
            real.store = v
            fail = true // the first (initial) write succeeds, later ones fail
          }
        }
      }
    }
    const s = createSettingsService({ opener: failing })
    let caught: unknown
    try {
      s.update({ theme: 'dark' })
    } catch (error) {
      caught = error
    }
    expect(isAppError(caught) && caught.code).toBe('io')
    expect(String((caught as Error).message)).toMatch(/ENOSPC/)
    expect(s.get().theme).toBe('system')
    expect(readFile(tmp.dir).theme).toBe('system')
  })

  it('sweeps temp files left by a write that was killed midway, and leaves none itself', async () => {
    const { readdirSync } = await import('node:fs')
    createSettingsService({ opener: confOpener(tmp.dir) })
    const stale = join(tmp.dir, 'settings.json.tmp-1234567890abcdef')
    writeFileSync(stale, '{"theme": "da')
    const s = createSettingsService({ opener: confOpener(tmp.dir) })
    s.update({ theme: 'light' })
    expect(readdirSync(tmp.dir)).toEqual(['settings.json'])
  })
})
