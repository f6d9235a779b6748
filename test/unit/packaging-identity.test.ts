// One app id: the installers' appId (electron-builder.yml) is the AppUserModelId the app sets.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const builderAppId = /^appId:\s*([\w.-]+)/m.exec(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8'))?.[1]
const identity = resolve(root, 'src-main/desktop/app-identity.ts')

describe('app identity', () => {
  it('electron-builder declares the appId and Linux desktop name', () => {
    expect(builderAppId).toBe('ai.krev.studio')
    const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'))
    expect(manifest.desktopName).toBe('krev-studio.desktop')
    expect(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')).toContain('StartupWMClass: krev-studio')
  })

  it.skipIf(!existsSync(identity))('the app sets the same AppUserModelId', () => {
    expect(readFileSync(identity, 'utf8')).toContain(`'${builderAppId}'`)
  })
})
