import { _electron as electron, expect, test } from '@playwright/test'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { runStudioJourney } from '../../support/studio-journey'
import { electronBinary, MAIN_ENTRY } from '../support/electron-binary'

/**
 * The desktop lane's journey (test/desktop/renderer-journey.test.ts) in real Electron:
 * first run → sandbox → products → create → queue → library, with screenshots. Runs where
 * Electron's binary installs; here it is the one allowed skip, named on CI's summary line.
 */

const binary = electronBinary()
const ROOT = resolve(import.meta.dirname, '../../..')
const SHOTS = resolve(ROOT, 'test-results/electron')

test.describe('Electron app', () => {
  test.skip(!binary, "Electron's binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); the desktop lane runs this journey against the production bundles instead.")

  test('first run → built-in sandbox → products → create → queue → library', async () => {
    test.setTimeout(180_000)
    const userData = mkdtempSync(join(tmpdir(), 'krev-electron-journey-'))
    mkdirSync(SHOTS, { recursive: true })
    const app = await electron.launch({
      executablePath: binary!,
      args: [MAIN_ENTRY, `--user-data-dir=${userData}`],
      // The embedded sandbox at 20× so a generation finishes in seconds.
      env: { ...process.env, KREV_SANDBOX_SPEED: '20' } as Record<string, string>
    })
    try {
      const page = await app.firstWindow()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      await runStudioJourney(page as unknown as Page, {
        productPhoto: resolve(ROOT, 'test/fixtures/product.jpg'),
        mediaUrl: /^krev-media:\/\/media\/sandbox\/products\/[0-9a-f-]{36}\/thumb$/,
        shoot: async (name) => {
          for (const scheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
            await page.screenshot({ path: resolve(SHOTS, `${name}-${scheme}.png`) })
          }
        }
      })
      expect(errors).toEqual([])
    } finally {
      await app.close()
      rmSync(userData, { recursive: true, force: true })
    }
  })
})
