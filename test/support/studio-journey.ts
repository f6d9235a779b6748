import type { Page } from 'playwright-core'

/**
 * The creator's first session, step by step: first run → built-in sandbox → products
 * (upload a photo) → create (two variants) → queue (watch it finish) → library (two
 * results). One journey, driven the same way against the desktop lane (the production
 * bundles under the `electron` double, in Chromium) and against real Electron (the
 * Playwright Electron project). The caller asserts what only its transport can see.
 */
export interface JourneyOptions {
  /** A product photo on disk to upload. */
  productPhoto: string
  /** The thumbnails' URL scheme the host serves media under. */
  mediaUrl: RegExp
  /** Called at each screen with its name (screenshots). */
  shoot?(name: string): Promise<void>
  /** Upload and generation take a while on the sandbox, even sped up. */
  slowMs?: number
}

export async function runStudioJourney(page: Page, opts: JourneyOptions): Promise<void> {
  const slow = opts.slowMs ?? 45_000
  const shoot = opts.shoot ?? (async () => undefined)
  const sandbox = page.getByRole('button', { name: 'Explore with the built-in sandbox' })
  await sandbox.waitFor()
  await shoot('welcome')
  await sandbox.click()
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('button', { name: 'Products', exact: true }).click()
  await page.getByText('Drop product photos here').waitFor()
  await shoot('products-empty')
  if (!(await page.getByText('Built-in sandbox').first().isVisible())) throw new Error('the sandbox connection is not shown')

  await page.getByTestId('pick-files').setInputFiles(opts.productPhoto)
  const card = page.getByRole('list', { name: 'Your products' }).getByRole('listitem').first()
  const img = card.locator('img')
  await img.waitFor({ timeout: slow })
  const src = await img.getAttribute('src')
  if (!src || !opts.mediaUrl.test(src)) throw new Error(`unexpected product thumbnail URL: ${src}`)
  // Decoded pixels: the bytes came from the app's media handler and were a real image.
  await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle())
  await shoot('products-grid')

  // Create → Queue: the job's progress only arrives as main's pushed events.
  await nav.getByRole('button', { name: 'Create', exact: true }).click()
  await page.getByLabel('Prompt').fill('Premium leather wallet on dark marble, soft studio light')
  await page.getByRole('radiogroup', { name: 'Variants' }).getByRole('radio', { name: '2' }).check()
  await shoot('create')
  await page.getByRole('button', { name: 'Generate' }).click()
  await nav.getByRole('button', { name: 'Queue', exact: true }).click()
  const job = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').first()
  await job.getByText('Premium leather wallet').waitFor()
  await job.getByText('Done').waitFor({ timeout: slow })
  await shoot('queue-done')

  // Library: the outputs main downloaded, shown from local media through the app's handler.
  await nav.getByRole('button', { name: 'Library', exact: true }).click()
  const tiles = page.getByRole('list', { name: 'Results' }).getByRole('listitem')
  await tiles.nth(1).waitFor()
  const count = await tiles.count()
  if (count !== 2) throw new Error(`the library shows ${count} results, not 2`)
  const tile = await tiles.first().locator('img').elementHandle()
  await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, tile)
  await shoot('library')
}
