// Boots the built out/main/index.js in a child Node process against the electron double
// and checks Electron's boot rules held: nothing the double refused, and the order.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')

function boot(): { calls: string[]; violations: string[] } {
  const userData = mkdtempSync(join(tmpdir(), 'krev-desktop-'))
  try {
    const out = execFileSync(
      process.execPath,
      ['--import', './test/desktop/loader/register.mjs', '--import', 'tsx', 'test/desktop/harness/boot-child.ts'],
      // No session bus: keytar fails fast and can never touch a real keychain.
      { cwd: ROOT, env: { ...process.env, KREV_DOUBLE_USER_DATA: userData, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' }, encoding: 'utf8', timeout: 45_000 }
    )
    const line = /KREV_DOUBLE_STATE=(.*)/.exec(out)?.[1]
    if (!line) throw new Error(`boot printed no state:\n${out}`)
    return JSON.parse(line) as { calls: string[]; violations: string[] }
  } finally {
    rmSync(userData, { recursive: true, force: true })
  }
}

describe('production main bundle under the electron double', () => {
  it('boots without breaking an Electron rule, in the documented order', () => {
    const { calls, violations } = boot()
    expect(violations).toEqual([])
    const at = (api: string) => {
      const i = calls.findIndex((c) => c.endsWith(` ${api}`))
      expect(i, `${api} was called`).toBeGreaterThanOrEqual(0)
      return i
    }
    expect(calls[at('protocol.registerSchemesAsPrivileged')]).toMatch(/^- /)
    expect(calls[at('app.enableSandbox')]).toMatch(/^- /)
    expect(calls[at('app.requestSingleInstanceLock')]).toMatch(/^- /)
    expect(calls[at('new BrowserWindow')]).toMatch(/^R /)
    expect(at('session.defaultSession.setPermissionRequestHandler')).toBeLessThan(at('new BrowserWindow'))
    expect(at('session.defaultSession.protocol.handle')).toBeLessThan(at('webContents.loadFile'))
    expect(at('ipcMain.handle')).toBeLessThan(at('webContents.loadFile'))
  }, 60_000)
})
