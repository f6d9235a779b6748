import { test as base, expect, type Page, type TestInfo } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { removeDir, startPreview, type Preview } from './preview'

export const SHOT_DIR = resolve(import.meta.dirname, '../../../artifacts/screenshots')

/** A fresh headless studio (fresh temp data dir) for every test. */
export const test = base.extend<{ studio: Preview }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure.
  studio: async ({}, use) => {
    const preview = await startPreview()
    await use(preview)
    await preview.stop()
    removeDir(preview.dataDir)
  }
})

/** Saves a screenshot as a CI artifact and attaches it to the report. */
export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SHOT_DIR, { recursive: true })
  const path = resolve(SHOT_DIR, `${name}.png`)
  // A theme switch animates colours: wait until every transition has settled.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await page.screenshot({ path, fullPage: false })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

export { expect }
