import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { removeDir, startPreview } from '../support/preview'
import { expect, shoot, test } from '../support/fixtures'

// Create → Queue → Library over the headless studio and its embedded sandbox: main
// persists the job, POSTs, polls, downloads real WebPs into the library and pushes
// every step as events; the page shows the outputs from /__krev/media, offline-safe.

const nav = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })

async function expectDecoded(img: Locator): Promise<void> {
  await img.scrollIntoViewIfNeeded()
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0)
}

test('generate two images, watch the job finish, find them in the library after a restart', async ({ page }, testInfo) => {
  let preview = await startPreview({ env: { KREV_SANDBOX_SPEED: '20' } })
  try {
    await page.goto(preview.url)
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    await nav(page, 'Create').click()
    await page.getByLabel('Prompt').fill('Premium leather wallet on dark marble, soft studio light')
    await page.getByRole('radiogroup', { name: 'Variants' }).getByRole('radio', { name: '2' }).check()
    await expect(page.getByText('80').first()).toBeVisible() // 2 images × 40 credits
    await page.getByRole('button', { name: 'Generate' }).click()

    await nav(page, 'Queue').click()
    const job = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').first()
    await expect(job).toContainText('Premium leather wallet')
    await expect(job.getByText('Done')).toBeVisible({ timeout: 45_000 })
    await expect(job).toContainText('80 credits')
    await shoot(page, testInfo, 'queue-done-light')

    await nav(page, 'Library').click()
    const tiles = page.getByRole('list', { name: 'Results' }).getByRole('listitem')
    await expect(tiles).toHaveCount(2)
    await expectDecoded(tiles.first().locator('img'))
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await shoot(page, testInfo, `library-grid-${scheme}`)
    }
    // The balance went down by what the job cost.
    await expect(page.getByRole('button', { name: '2,420 credits' })).toBeVisible()

    // Export goes to the Library folder setting (the preview has no folder dialog).
    await tiles.first().getByRole('button').click()
    await page.getByRole('button', { name: 'Export' }).click()
    await expect(page.getByRole('region', { name: /^Notifications/ }).getByText(`Exported to ${join(preview.dataDir, 'Library')}`)).toBeVisible()
    expect(readdirSync(join(preview.dataDir, 'Library')).filter((f) => f.endsWith('.webp'))).toHaveLength(1)
    await page.keyboard.press('Escape')

    preview = await preview.restart()
    await page.goto(preview.url)
    await nav(page, 'Library').click()
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveCount(2)
    await expectDecoded(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first().locator('img'))
  } finally {
    await preview.stop()
    removeDir(preview.dataDir)
  }
})
