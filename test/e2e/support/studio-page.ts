import { expect, type Browser, type Page } from '@playwright/test'
import { nav } from './nav'
import { removeDir, type Preview } from './preview'

export interface StudioPage {
  page: Page
  preview: Preview
  close(): Promise<void>
}

/**
 * A page of its own browser context on a running preview (axe needs its own context, and
 * each spec its own viewport). `close` ends the context and the preview and removes the
 * preview's data folder and any other folders the spec made for it.
 */
export async function openStudioPage(
  browser: Browser,
  preview: Preview,
  opts: { viewport?: { width: number; height: number }; alsoRemove?: string[] } = {}
): Promise<StudioPage> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.goto(preview.url)
  return {
    page,
    preview,
    async close() {
      await context.close()
      await preview.stop()
      removeDir(preview.dataDir)
      for (const dir of opts.alsoRemove ?? []) removeDir(dir)
    }
  }
}

/** Products → the photo picker → these files; waits until the catalogue lists `expected` products. */
export async function addProductPhotos(page: Page, files: Parameters<Page['setInputFiles']>[1], expected: number): Promise<void> {
  await nav(page, 'Products').click()
  await page.getByTestId('pick-files').setInputFiles(files)
  await expect(page.getByRole('list', { name: 'Your products' }).getByRole('listitem')).toHaveCount(expected, { timeout: 30_000 })
}
