import { defineConfig } from '@playwright/test'
import { electronBinary } from './test/e2e/support/electron-binary'

// Said out loud, not only in the report: a skipped desktop smoke must never be silent.
if (!electronBinary()) {
  console.log(
    "[electron project] will skip: Electron's binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD). " +
      'The desktop lane runs the same journey against the production bundles; the web project runs the smoke.'
  )
}

// Two projects, one smoke: "web" drives the real built renderer in Debian's Chromium
// against the real main-process services over the loopback bridge; "electron" runs the
// packaged app where Electron's binary exists and skips with a clear reason elsewhere.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: { viewport: { width: 1280, height: 800 }, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'web',
      testDir: 'test/e2e/web',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run'
          ]
        }
      }
    },
    { name: 'electron', testDir: 'test/e2e/electron' }
  ]
})
