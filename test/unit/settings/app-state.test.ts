import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppStateStore } from '../../../src-main/settings/app-state'
import { confOpener } from '../../../src-main/settings/conf-opener'
import { createSettingsService } from '../../../src-main/settings/settings-service'
import { tempDir } from '../account/fakes'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir('krev-appstate-')
})
afterEach(() => tmp.cleanup())

describe('app state (not a user setting) in its own document', () => {
  it('defaults to first run in sandbox mode and persists changes in app-state.json', () => {
    const a = createAppStateStore({ opener: confOpener(tmp.dir) })
    expect(a.get()).toEqual({ firstRunDone: false, connectionMode: 'sandbox', keyVerified: false })
    a.update({ firstRunDone: true, connectionMode: 'krev' })
    expect(createAppStateStore({ opener: confOpener(tmp.dir) }).get()).toMatchObject({
      firstRunDone: true,
      connectionMode: 'krev'
    })
    const onDisk = JSON.parse(readFileSync(join(tmp.dir, 'app-state.json'), 'utf8')) as Record<string, unknown>
    expect(onDisk).toMatchObject({ schemaVersion: 1, firstRunDone: true, connectionMode: 'krev' })
  })

  it('is separate from settings: neither file carries the other document', () => {
    const a = createAppStateStore({ opener: confOpener(tmp.dir) })
    const s = createSettingsService({ opener: confOpener(tmp.dir) })
    a.update({ connectionMode: 'krev' })
    s.update({ theme: 'dark' })
    const settings = JSON.parse(readFileSync(join(tmp.dir, 'settings.json'), 'utf8')) as Record<string, unknown>
    expect(settings).not.toHaveProperty('connectionMode')
    const state = JSON.parse(readFileSync(join(tmp.dir, 'app-state.json'), 'utf8')) as Record<string, unknown>
    expect(state).not.toHaveProperty('theme')
  })
})
