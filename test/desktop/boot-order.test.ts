// Boots the built out/main/index.js in a child Node process against the electron double
// and checks Electron's boot rules held: nothing the double refused, the order, the
// window's webPreferences and the application menu.
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HARDENED_WEB_PREFERENCES } from '../support/hardened-web-preferences'
import { bootApp, type BootedApp } from './harness/booted-app'

const ROOT = resolve(import.meta.dirname, '../..')

interface State {
  calls: Array<{ api: string; ready: boolean }>
  violations: string[]
  webPreferences: Record<string, unknown> | null
  isPackaged: boolean
  applicationMenuSet: boolean
  applicationMenu: MenuItem[] | null
  windowMenu: MenuItem[] | null
}
interface MenuItem {
  label: string
  role?: string
  type: string
  submenu?: MenuItem[]
}

const flatten = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])])
const DEV_ONLY_ROLES = ['reload', 'forcereload', 'toggledevtools']

for (const packaged of [false, true]) {
  describe(`production main bundle under the electron double (isPackaged ${packaged})`, () => {
    let booted: BootedApp
    let state: State
    beforeAll(async () => {
      booted = await bootApp({ KREV_DOUBLE_PACKAGED: packaged ? '1' : '0' })
      state = await booted.request<State>({ op: 'state' })
    })
    afterAll(() => booted?.dispose())

    it('breaks no Electron rule', () => {
      expect(state.violations).toEqual([])
      expect(state.isPackaged).toBe(packaged)
    })

    it('boots in the documented order', () => {
      const at = (api: string) => {
        const i = state.calls.findIndex((c) => c.api === api)
        expect(i, `${api} was called`).toBeGreaterThanOrEqual(0)
        return i
      }
      const readyAt = (api: string) => state.calls[at(api)]!.ready
      expect(readyAt('protocol.registerSchemesAsPrivileged')).toBe(false)
      expect(readyAt('app.enableSandbox')).toBe(false)
      expect(readyAt('app.requestSingleInstanceLock')).toBe(false)
      expect(readyAt('new BrowserWindow')).toBe(true)
      expect(at('session.defaultSession.setPermissionRequestHandler')).toBeLessThan(at('new BrowserWindow'))
      expect(at('session.defaultSession.protocol.handle')).toBeLessThan(at('webContents.loadFile'))
      expect(at('ipcMain.handle')).toBeLessThan(at('webContents.loadFile'))
    })

    it('opens the window with the hardened webPreferences and the built preload', () => {
      expect(state.webPreferences).toMatchObject({ ...HARDENED_WEB_PREFERENCES, preload: resolve(ROOT, 'out/preload/index.cjs') })
    })

    it('sets a menu only of real roles, without reload or DevTools when packaged', () => {
      // The double refuses unknown roles at buildFromTemplate (a violation, checked above);
      // here: whatever menu the app set, and only if it set one.
      const menus = [state.applicationMenu, state.windowMenu].filter((m): m is MenuItem[] => m !== null)
      if (!state.applicationMenuSet) expect(state.applicationMenu).toBeNull()
      const roles = menus.flatMap(flatten).flatMap((i) => (i.role ? [i.role.toLowerCase()] : []))
      if (packaged) expect(roles.filter((r) => DEV_ONLY_ROLES.includes(r))).toEqual([])
      for (const item of menus.flatMap(flatten)) expect(item.label || item.role || item.type).toBeTruthy()
    })

    it('quits cleanly when asked', async () => {
      expect(await booted.quit()).toBe(0)
    })
  })
}
