import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import { removeDir, startPreview, type Preview } from '../support/preview'
import { expect, shoot, test } from '../support/fixtures'

// The catalogue to manage: a product page with the original and the cut-out, every
// analysis field and a copyable id; a local rename (Krev's name kept beside it) and hide;
// the outputs made with the product, opening the viewer and filtering the Library; and
// the whole catalogue still browsable from its cache when Krev can't be reached.

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/product.jpg')
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const nav = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })
const cards = (page: Page): Locator => page.getByRole('list', { name: 'Your products' }).getByRole('listitem')

async function decoded(img: Locator): Promise<void> {
  await img.scrollIntoViewIfNeeded()
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0)), { timeout: 20_000 }).toBeGreaterThan(0)
}

async function photo(hue: number, name: string) {
  const buffer = await sharp(readFileSync(FIXTURE)).modulate({ hue }).jpeg({ quality: 85 }).toBuffer()
  return { name, mimeType: 'image/jpeg', buffer }
}

async function shootAll(page: Page, testInfo: Parameters<typeof shoot>[1], name: string): Promise<void> {
  for (const size of [{ width: 1440, height: 900 }, { width: 900, height: 600 }]) {
    await page.setViewportSize(size)
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
      await page.mouse.move(0, 0)
      await shoot(page, testInfo, `${name}-${size.width}-${scheme}`)
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}

test('product page: both pictures, fields, rename, hide, outputs, and offline from the cache', async ({ page }, testInfo) => {
  test.setTimeout(180_000)
  let preview: Preview = await startPreview({ env: { KREV_SANDBOX_SPEED: '20' } })
  try {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(preview.url)
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    await nav(page, 'Products').click()
    await page.getByTestId('pick-files').setInputFiles([await photo(0, 'tan-bag.jpg'), await photo(200, 'blue-bag.jpg')])
    await expect(cards(page)).toHaveCount(2, { timeout: 30_000 })

    // The product page.
    const first = cards(page).first()
    const krevName = (await first.locator('.product-name').textContent())!.trim()
    await first.getByRole('button', { name: `Open ${krevName}` }).click()
    const detail = page.getByRole('article', { name: krevName })
    await expect(detail).toBeVisible()
    await decoded(detail.getByRole('img', { name: 'Original' }))
    await decoded(detail.getByRole('img', { name: 'Cut-out' }))
    for (const field of ['Name in Krev', 'Brand', 'Product name', 'Type', 'Colours', 'Materials', 'Category', 'Created', 'Product id']) {
      await expect(detail.locator('dt', { hasText: new RegExp(`^${field}$`) })).toHaveCount(1)
    }
    const id = (await detail.locator('.detail-id code').textContent())!.trim()
    expect(id).toMatch(UUID)
    await expect(detail.getByText('Krev’s API can’t rename or delete products')).toBeVisible()

    // Rename, locally: Krev's name stays beside it.
    await detail.getByLabel('Name in Krev Studio').fill('Spring tote')
    await detail.getByRole('button', { name: 'Rename' }).click()
    const renamed = page.getByRole('article', { name: 'Spring tote' })
    await expect(renamed.getByText(`In Krev: ${krevName}`)).toBeVisible()
    await shootAll(page, testInfo, 'product-detail')

    // Make something with it, then find it on its page.
    await renamed.getByRole('button', { name: 'Use', exact: true }).click()
    await page.getByLabel('Prompt').fill('The tote on a sunlit terrace, morning light')
    await page.getByRole('button', { name: 'Generate' }).click()
    await nav(page, 'Queue').click()
    await expect(page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').first().getByText('Done')).toBeVisible({ timeout: 60_000 })
    await nav(page, 'Products').click()
    await expect(renamed).toBeVisible()
    const outputs = renamed.getByRole('region', { name: 'Made with this product' })
    await expect(outputs.getByRole('listitem')).toHaveCount(1, { timeout: 15_000 })
    await decoded(outputs.locator('img').first())
    await outputs.scrollIntoViewIfNeeded()
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
      await shoot(page, testInfo, `product-detail-outputs-${scheme}`)
    }
    await outputs.getByRole('button', { name: /^Open image/ }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await page.keyboard.press('Escape')
    await nav(page, 'Products').click()
    await page.getByRole('article', { name: 'Spring tote' }).getByRole('button', { name: 'Show all 1 in Library' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Made with Spring tote' })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveCount(1)
    await page.getByRole('button', { name: 'Show outputs of every product' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Made with' })).toHaveCount(0)

    // Hide: gone from the grid (and pickers), back under "Show hidden".
    await nav(page, 'Products').click()
    await page.getByRole('article', { name: 'Spring tote' }).getByRole('button', { name: 'Hide' }).click()
    await expect(page.getByText('Hidden in Krev Studio')).toBeVisible()
    await page.getByRole('button', { name: 'All products' }).click()
    await expect(cards(page)).toHaveCount(1)
    await page.getByLabel('Show 1 hidden').check()
    await expect(cards(page)).toHaveCount(2)
    await page.getByLabel('Show 1 hidden').uncheck()

    // Search and sort work on the local list.
    await page.getByRole('searchbox', { name: /Search products/ }).fill('spring')
    await expect(cards(page)).toHaveCount(0)
    await page.getByLabel('Show 1 hidden').check()
    await expect(cards(page)).toHaveCount(1)
    await page.getByRole('searchbox', { name: /Search products/ }).fill('')

    // Krev unreachable: a fresh start on the same data shows the catalogue from its cache.
    await preview.stop()
    preview = await startPreview({
      dataDir: preview.dataDir,
      env: { KREV_SANDBOX_FAULTS: JSON.stringify([{ path: '/api/v1/**', action: { type: 'reset' } }, { path: '/storage/**', action: { type: 'reset' } }]) }
    })
    await page.goto(preview.url)
    await nav(page, 'Products').click()
    await expect(cards(page)).toHaveCount(1)
    await decoded(cards(page).first().locator('img'))
    await page.getByLabel('Show 1 hidden').check()
    await expect(cards(page)).toHaveCount(2)
    await page.getByRole('button', { name: 'Open Spring tote' }).click()
    const offline = page.getByRole('article', { name: 'Spring tote' })
    await decoded(offline.getByRole('img', { name: 'Original' }))
    await decoded(offline.getByRole('img', { name: 'Cut-out' }))
    await expect(offline.locator('.detail-id code')).toHaveText(id)
    await shootAll(page, testInfo, 'product-detail-offline')
  } finally {
    await preview.stop()
    removeDir(preview.dataDir)
  }
})
