import { resolve } from 'node:path'
import { SIZES, audit } from '../support/audit'
import { expect, test } from '../support/fixtures'
import { nav } from '../support/nav'
import { addProductPhotos } from '../support/studio-page'

// The viewer opens where the output is shown: over the Queue (a job's thumbnails) and over
// Create (the latest results), stepping through that list, and Escape hands focus back to
// the thumbnail that opened it. Escape closes it with a toast up too (a Radix layer above
// the dialog used to take the key).

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/product.jpg')
// Small and large windows (the widest adds nothing over Create or the Queue here).
const SHOT_SIZES = SIZES.slice(0, 2)

test('queue and create open the viewer in place; → steps, Escape returns focus (also under a toast)', async ({ page, studio }) => {
  test.setTimeout(240_000)
  const found: string[] = []
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(studio.url)
  await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()

  await addProductPhotos(page, FIXTURE, 1)
  await nav(page, 'Create').click()
  await page.getByLabel('Prompt').fill('Premium leather wallet on dark marble, soft studio light')
  await page.getByRole('radiogroup', { name: 'Variants' }).getByRole('radio', { name: '4' }).check()
  await page.getByRole('button', { name: 'Generate' }).click()

  // The Queue: the job's thumbnails open the viewer over the Queue, on the job's four outputs.
  await nav(page, 'Queue').click()
  const job = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').first()
  await expect(job.getByText('Done')).toBeVisible({ timeout: 60_000 })
  const thumb = job.getByRole('button', { name: 'Preview image 1' })
  await thumb.click()
  const viewer = page.getByRole('dialog', { name: 'Preview' })
  await expect(viewer).toBeVisible()
  const counter = viewer.getByRole('status').filter({ hasText: / of 4$/ })
  await expect(counter).toContainText('1 of 4')
  await page.keyboard.press('ArrowRight')
  await expect(counter).toContainText('2 of 4')
  found.push(...(await audit(page, 'viewer-over-queue', { sizes: SHOT_SIZES })))
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Jobs' })).toBeVisible()
  await expect(thumb).toBeFocused()

  // Create: the latest results open it over the form, stepping through what is shown.
  await nav(page, 'Create').click()
  const latest = page.getByRole('region', { name: 'Latest results' }).getByRole('button', { name: /^Image:/ })
  await expect(latest).toHaveCount(4)
  const first = latest.first()
  await first.click()
  await expect(viewer).toBeVisible()
  await expect(counter).toContainText('1 of 4')
  await page.keyboard.press('ArrowRight')
  await expect(counter).toContainText('2 of 4')
  found.push(...(await audit(page, 'viewer-over-create', { sizes: SHOT_SIZES })))

  // A toast raised while the viewer is open (Show in folder: no file manager in a browser).
  await viewer.getByRole('button', { name: 'Show in folder' }).click()
  const toast = page.getByRole('region', { name: /^Notifications/ }).getByText('There is no file manager here.', { exact: false })
  await expect(toast).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  // The toast was not what Escape was for: it stays until it times out.
  await expect(toast).toBeVisible()
  await expect(page.getByLabel('Prompt')).toBeVisible()
  await expect(first).toBeFocused()
  if (found.length) console.log(found.join('\n'))
  expect(found).toEqual([])
})
