import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import { expect, shoot, test } from '../support/fixtures'

// Products end to end over the headless studio: the photo goes through the real file
// input, main checks and uploads it to the embedded sandbox, caches the cut-out and a
// WebP thumbnail, and the page shows the thumbnail from /__krev/media (never the
// network). A reload reads the local catalogue again.

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/product.jpg')
const THUMB_SRC = /^\/__krev\/media\/sandbox\/products\/[0-9a-f-]{36}\/thumb$/

async function openProducts(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Products', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0)
}

/** The page's hidden <input type=file> (ProductsScreen's photo picker). */
const picker = (page: Page): Locator => page.getByTestId('pick-files')
const grid = (page: Page): Locator => page.getByRole('list', { name: 'Your products' })

/** True once an <img> has really decoded pixels, i.e. its bytes were served and valid. */
async function expectRendered(img: Locator): Promise<void> {
  await expect(img).toHaveAttribute('src', THUMB_SRC)
  await img.scrollIntoViewIfNeeded()
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0)
}

/** The fixture, tinted: more products make a real grid for the screenshots. */
async function variant(hue: number, name: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const buffer = await sharp(readFileSync(FIXTURE)).modulate({ hue }).jpeg({ quality: 90 }).toBuffer()
  return { name, mimeType: 'image/jpeg', buffer }
}

test.describe('products', () => {
  test('upload a photo → card with a local thumbnail → still there after a reload', async ({ page, studio }, testInfo) => {
    await page.goto(studio.url)
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    await openProducts(page)
    await expect(page.getByText('Drop product photos here')).toBeVisible()

    await picker(page).setInputFiles(FIXTURE)
    const cards = grid(page).getByRole('listitem')
    await expect(cards).toHaveCount(1, { timeout: 30_000 })
    await expectRendered(cards.first().locator('img'))
    await expect(page.getByRole('alert')).toHaveCount(0)

    // The thumbnail is served by the preview's media route as a WebP.
    const src = await cards.first().locator('img').getAttribute('src')
    const served = await page.request.get(new URL(src as string, page.url()).href)
    expect(served.status()).toBe(200)
    expect(served.headers()['content-type']).toBe('image/webp')

    await picker(page).setInputFiles([await variant(120, 'green-bag.jpg'), await variant(240, 'blue-bag.jpg')])
    await expect(cards).toHaveCount(3, { timeout: 30_000 })
    for (const card of await cards.all()) await expectRendered(card.locator('img'))
    await expect(page.getByRole('progressbar', { name: 'All uploads' })).toHaveAttribute('aria-valuetext', '3 of 3 uploaded')

    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
      await page.mouse.move(0, 0)
      await shoot(page, testInfo, `products-grid-${scheme}`)
    }

    await page.reload()
    await openProducts(page)
    await expect(cards).toHaveCount(3)
    for (const card of await cards.all()) await expectRendered(card.locator('img'))
  })

  test('an SVG is refused with a clear message, disguised or not', async ({ page, studio }) => {
    await page.goto(studio.url)
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    await openProducts(page)
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="red"/></svg>')

    // Named .svg: the page itself refuses it.
    await picker(page).setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: svg })
    const problems = page.locator('.import-problems')
    await expect(problems.getByText('Only JPG, PNG and WebP photos can be added.')).toBeVisible()

    // Named .png: main looks at the bytes and refuses it before uploading; shown once.
    await picker(page).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: svg })
    await expect(problems.getByText('SVG drawings can’t be used as product photos. Export it as JPG or PNG and try again.')).toBeVisible()
    await expect(page.getByText('2 files weren’t added')).toBeVisible()
    await expect(problems.getByRole('region', { name: 'Not a JPG, PNG or WebP photo' }).getByRole('listitem')).toHaveCount(2)
    await expect(grid(page)).toHaveCount(0)
  })
})
