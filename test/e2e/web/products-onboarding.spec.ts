import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import { removeDir, startPreview } from '../support/preview'
import { expect, shoot, SHOT_DIR, test } from '../support/fixtures'

// Onboarding a folder of products: the folder picker gives main twelve files (two in a
// sub-folder), the page sends their bytes one at a time, main hashes and checks each,
// skips a duplicate and a text file named .jpg with their reasons, and uploads the ten
// others two at a time to the embedded sandbox (slowed a little so progress is visible).

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/product.jpg')

const nav = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })

/** 10 different photos (8 + 2 in "More/"), a byte-identical copy of one, and a text file named .jpg. */
async function makeFolder(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'krev-onboarding-'))
  const folder = join(root, 'Spring')
  mkdirSync(join(folder, 'More'), { recursive: true })
  const source = readFileSync(FIXTURE)
  for (let i = 0; i < 10; i++) {
    const data = await sharp(source).modulate({ hue: i * 36 }).jpeg({ quality: 80 }).toBuffer()
    writeFileSync(join(folder, i < 8 ? `bag-${i + 1}.jpg` : `More/bag-${i + 1}.jpg`), data)
  }
  copyFileSync(join(folder, 'bag-3.jpg'), join(folder, 'bag-3 copy.jpg'))
  writeFileSync(join(folder, 'notes.jpg'), 'Spring shoot: bags 1–10, shot on the white table.\n')
  return folder
}

test('a folder of 12 files: per-file progress, 10 / 10 uploaded, 2 skipped with their reasons', async ({ page }, testInfo) => {
  const folder = await makeFolder()
  const preview = await startPreview({
    env: { KREV_SANDBOX_FAULTS: JSON.stringify([{ method: 'POST', path: '/api/v1/products', action: { type: 'latency', ms: 1500 } }]) }
  })
  try {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(preview.url)
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    await nav(page, 'Products').click()
    await expect(page.getByText('Drop product photos here')).toBeVisible()

    // Every status each row goes through, and how many were in flight at once, as the page showed them.
    await page.evaluate(() => {
      const seen = { statuses: [] as string[], maxActive: 0, maxChecking: 0 }
      Object.assign(window, { __seen: seen })
      new MutationObserver(() => {
        const rows = [...document.querySelectorAll('.import-row')]
        for (const r of rows) if (!seen.statuses.includes(r.getAttribute('data-status')!)) seen.statuses.push(r.getAttribute('data-status')!)
        const count = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.getAttribute('data-status')!)).length
        seen.maxActive = Math.max(seen.maxActive, count('uploading', 'analysing'))
        seen.maxChecking = Math.max(seen.maxChecking, count('checking'))
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] })
    })
    await page.getByTestId('pick-folder').setInputFiles(folder)
    const rows = page.getByRole('list', { name: 'Files' }).getByRole('listitem')
    await expect(rows).toHaveCount(12, { timeout: 30_000 })
    // Sub-folder files keep their path; every row has its own progress bar.
    await expect(rows.filter({ hasText: 'Spring/More/bag-9.jpg' })).toHaveCount(1)
    await expect(page.getByRole('progressbar', { name: /upload$/ })).toHaveCount(12)

    // While it runs: some files are being sent or analysed (at most two), the others wait.
    const overall = page.getByRole('progressbar', { name: 'All uploads' })
    await expect(page.locator('.import-row[data-status="analysing"], .import-row[data-status="uploading"]').first()).toBeVisible()
    // Spinners never settle, so this one is taken as it is (shoot() waits for animations to end).
    mkdirSync(SHOT_DIR, { recursive: true })
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' })
    await page.screenshot({ path: join(SHOT_DIR, 'products-onboarding-progress-dark.png') })

    await expect(overall).toHaveAttribute('aria-valuetext', '10 of 10 uploaded', { timeout: 60_000 })
    await expect(page.locator('.import-summary')).toHaveText('10 / 10 uploaded · 2 skipped')
    const seen = await page.evaluate(
      () => (window as unknown as { __seen: { statuses: string[]; maxActive: number; maxChecking: number } }).__seen
    )
    expect(seen.statuses).toEqual(expect.arrayContaining(['queued', 'checking', 'analysing', 'done', 'skipped']))
    // Two sent at a time; the checks run ahead of them in places of their own (at most four).
    expect(seen.maxActive).toBe(2)
    expect(seen.maxChecking).toBeGreaterThan(0)
    expect(seen.maxChecking).toBeLessThanOrEqual(4)
    // Once everything is in, the rows fold away; they can be opened again.
    await expect(rows).toHaveCount(0)
    await page.getByRole('button', { name: 'Show files' }).click()
    await expect(page.getByRole('progressbar', { name: 'Spring/More/bag-9.jpg upload' })).toHaveAttribute('aria-valuenow', '100')

    // The two skipped files, grouped by reason, each with why.
    const problems = page.locator('.import-problems')
    await expect(problems.getByText('2 files weren’t added')).toBeVisible()
    const dup = problems.getByRole('region', { name: 'Already added' })
    await expect(dup.getByRole('listitem')).toHaveCount(1)
    await expect(dup).toContainText(/Spring\/bag-3( copy)?\.jpg — The same photo as Spring\/bag-3( copy)?\.jpg/)
    const notPhoto = problems.getByRole('region', { name: 'Not a JPG, PNG or WebP photo' })
    await expect(notPhoto.getByRole('listitem')).toHaveCount(1)
    await expect(notPhoto).toContainText('Spring/notes.jpg — This file isn’t a photo Krev can use. Use a JPG, PNG or WebP image.')

    const cards = page.getByRole('list', { name: 'Your products' }).getByRole('listitem')
    await expect(cards).toHaveCount(10)
    for (const [size, scheme] of [
      [{ width: 1440, height: 900 }, 'dark'],
      [{ width: 1440, height: 900 }, 'light'],
      [{ width: 900, height: 600 }, 'dark'],
      [{ width: 900, height: 600 }, 'light']
    ] as const) {
      await page.setViewportSize(size)
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
      await shoot(page, testInfo, `products-onboarding-done-${size.width}-${scheme}`)
    }

    // The same folder again: every photo is already in the catalogue, nothing is uploaded.
    await page.getByRole('button', { name: 'Done' }).click()
    await page.getByTestId('pick-folder').setInputFiles(folder)
    await expect(page.locator('.import-summary')).toHaveText('0 / 0 uploaded · 12 skipped', { timeout: 30_000 })
    await expect(problems.getByRole('region', { name: 'Already added' }).getByRole('listitem')).toHaveCount(11)
    await expect(problems.getByRole('region', { name: 'Already added' })).toContainText('Spring/bag-1.jpg — Already in your catalogue as')
    await expect(cards).toHaveCount(10)
  } finally {
    await preview.stop()
    removeDir(preview.dataDir)
    removeDir(join(folder, '..'))
  }
})
