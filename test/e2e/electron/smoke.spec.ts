import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronBinary, MAIN_ENTRY } from '../support/electron-binary'

const binary = electronBinary()
const SKIP_REASON =
  "Electron's binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); the same smoke runs in the web project against the headless studio."

test.describe('Electron app', () => {
  test.skip(!binary, SKIP_REASON)

  test('opens the studio with a locked-down window', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'krev-electron-'))
    const app = await electron.launch({
      executablePath: binary!,
      args: [MAIN_ENTRY, `--user-data-dir=${userData}`]
    })
    try {
      const page = await app.firstWindow()
      // A fresh profile starts on the welcome screen.
      await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const wc = BrowserWindow.getAllWindows()[0]!.webContents
        const p = (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences()
        return { contextIsolation: p['contextIsolation'], sandbox: p['sandbox'], nodeIntegration: p['nodeIntegration'] }
      })
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false })
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
      expect(await page.evaluate(() => Object.keys(window.krev ?? {}).sort())).toEqual(['invoke', 'on', 'pathForFile'])
      const pong = await page.evaluate(() => window.krev!.invoke('app.ping', { message: 'electron' }))
      expect(pong.ok).toBe(true)
      for (const name of ['Products', 'Create', 'Queue', 'Library', 'Chat', 'Account']) {
        await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })).toBeVisible()
      }
    } finally {
      await app.close()
      rmSync(userData, { recursive: true, force: true })
    }
  })
})
