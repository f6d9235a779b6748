import { readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { audit } from '../support/audit'
import { expect, test } from '../support/fixtures'
import { nav } from '../support/nav'
import { addProductPhotos } from '../support/studio-page'

// The viewer and Compare over the headless studio: real outputs from the embedded sandbox
// (four images and an ad), stepped through by keys and buttons, zoomed, their texts copied
// to the real clipboard, three compared with one synced zoom, and a file deleted behind
// the app's back revealed (the viewer says it is gone and offers the ways out).

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/product.jpg')
const SHOT_SIZES = [
  { width: 900, height: 600 },
  { width: 1440, height: 900 }
] as const


async function generate(page: Page): Promise<void> {
  await addProductPhotos(page, FIXTURE, 1)

  await nav(page, 'Create').click()
  await page.getByLabel('Prompt').fill('Premium leather wallet on dark marble, soft studio light')
  await page.getByRole('radiogroup', { name: 'Variants' }).getByRole('radio', { name: '4' }).check()
  await page.getByRole('button', { name: 'Generate' }).click()
  await expect(page.getByRole('button', { name: 'Generate' })).toBeEnabled()

  await page.getByRole('tab', { name: 'Ad' }).click()
  await page.getByRole('list', { name: 'Featured products' }).getByRole('button').first().click()
  await page.getByLabel('Brief').fill('A direct-response ad for commuters: the wallet that never bulges')
  await page.getByRole('radiogroup', { name: 'Variants' }).getByRole('radio', { name: '1' }).check()
  await page.getByRole('button', { name: 'Generate' }).click()

  await nav(page, 'Queue').click()
  const jobs = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem')
  await expect(jobs).toHaveCount(2)
  for (const job of await jobs.all()) await expect(job.getByText('Done')).toBeVisible({ timeout: 60_000 })
}

/** The viewer's zoomed image: its drawn width and its translate. */
async function drawn(img: Locator): Promise<{ width: number; x: number; y: number }> {
  return img.evaluate((el: HTMLImageElement) => {
    const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(el.style.transform)
    return { width: el.getBoundingClientRect().width, x: Number(m?.[1]), y: Number(m?.[2]) }
  })
}

test('viewer: step, zoom, copy; compare three in sync; a deleted file is said to be gone', async ({ page, context, studio }) => {
  test.setTimeout(300_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText())
  const found: string[] = []
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(studio.url)
  await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
  await generate(page)

  await nav(page, 'Library').click()
  const tiles = page.getByRole('list', { name: 'Results' }).getByRole('listitem')
  await expect(tiles).toHaveCount(5)
  const firstImage = tiles.getByRole('button', { name: /^Image:/ }).first()
  await firstImage.click()
  const viewer = page.getByRole('dialog', { name: 'Preview' })
  const counter = viewer.getByRole('status').filter({ hasText: /of 5/ })
  await expect(viewer).toBeVisible()
  const start = Number(/(\d) of 5/.exec((await counter.textContent()) ?? '')?.[1])

  // Previous / next: keys and buttons, stopping at the ends.
  const at = (n: number) => expect(counter).toContainText(`${n} of 5`)
  await page.keyboard.press(start < 5 ? 'ArrowRight' : 'ArrowLeft')
  const second = start < 5 ? start + 1 : start - 1
  await at(second)
  await viewer.getByRole('button', { name: 'Previous (←)' }).click()
  await at(second - 1)
  await viewer.getByRole('button', { name: 'Next (→)' }).click()
  await at(second)
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft')
  await at(1)
  await expect(viewer.getByRole('button', { name: 'Previous (←)' })).toBeDisabled()

  // Steps from the first output to the next one of `kind` (at most the whole list).
  const isKind = async (kind: string) => new RegExp(`${kind} \\d of 5`).test((await counter.textContent()) ?? '')
  const isImage = () => isKind('Image')
  async function goTo(kind: string): Promise<void> {
    for (let i = 0; i < 5 && !(await isKind(kind)); i++) await page.keyboard.press('ArrowRight')
    expect(await isKind(kind)).toBe(true)
  }
  await goTo('Image')
  const img = viewer.locator('.zoom-image')
  const readout = viewer.getByRole('toolbar', { name: 'Zoom' }).locator('.zoom-readout')
  await expect(readout).toContainText('Fit')
  const fit = await drawn(img)
  await viewer.getByRole('button', { name: 'Zoom in (+)' }).click()
  await expect(readout).not.toContainText('Fit')
  expect((await drawn(img)).width).toBeCloseTo(fit.width * 1.25, 0)
  await page.keyboard.press('0')
  await expect(readout).toContainText('Fit')
  const box = (await viewer.locator('.zoom-stage').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.wheel(0, -400)
  await expect.poll(async () => (await drawn(img)).width).toBeGreaterThan(fit.width * 1.5)
  // Drag to pan once zoomed.
  const before = await drawn(img)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 4 })
  await page.mouse.up()
  const panned = await drawn(img)
  expect(panned.x - before.x).toBeCloseTo(80, 0)
  await page.keyboard.press('0')
  await img.dblclick({ force: true })
  await expect(readout).toHaveText('100%')
  await img.dblclick({ force: true })
  await expect(readout).toContainText('Fit')

  // Copy the prompt: the real clipboard has it, the button says so.
  const prompt = (await viewer.locator('.viewer-prompt').textContent()) ?? ''
  await viewer.getByRole('button', { name: 'Copy prompt' }).click()
  await expect(viewer.getByRole('button', { name: 'Copied prompt' })).toContainText('Copied')
  expect(await clipboard()).toBe(prompt)
  found.push(...(await audit(page, 'viewer-image', { sizes: SHOT_SIZES })))

  // The ad: every ad-copy field has its own copy button.
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft')
  await goTo('Ad')
  const adCopy = viewer.getByRole('region', { name: 'Ad copy' })
  for (const field of ['hook', 'headline', 'body', 'cta']) await expect(adCopy.getByRole('button', { name: `Copy ${field}` })).toBeVisible()
  const headline = (await adCopy.locator('.viewer-field-headline .viewer-field-text').textContent()) ?? ''
  expect(headline.length).toBeGreaterThan(0)
  await adCopy.getByRole('button', { name: 'Copy headline' }).click()
  await expect(adCopy.getByRole('button', { name: 'Copied headline' })).toContainText('Copied')
  await expect(adCopy.getByRole('button', { name: 'Copy hook' })).toContainText('Copy')
  expect(await clipboard()).toBe(headline)
  const cta = (await adCopy.locator('.viewer-field-cta .viewer-field-text').textContent()) ?? ''
  await adCopy.getByRole('button', { name: 'Copy cta' }).click()
  expect(await clipboard()).toBe(cta)
  found.push(...(await audit(page, 'viewer-ad', { sizes: SHOT_SIZES })))

  // Pick three images for compare.
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft')
  let picked = 0
  for (let i = 0; i < 5 && picked < 3; i++) {
    if (await isImage()) {
      await viewer.getByRole('button', { name: 'Add to compare' }).click()
      picked++
    }
    await page.keyboard.press('ArrowRight')
  }
  await viewer.getByRole('button', { name: 'Compare 3' }).click()
  const compare = page.getByRole('dialog', { name: 'Compare 3 outputs' })
  await expect(compare).toBeVisible()
  const panes = compare.getByRole('figure')
  await expect(panes).toHaveCount(3)
  for (const letter of ['A', 'B', 'C']) await expect(compare.getByRole('figure', { name: new RegExp(`^${letter}:`) })).toBeVisible()
  const images = compare.locator('.zoom-image')
  await expect(images).toHaveCount(3)
  found.push(...(await audit(page, 'compare-3', { sizes: SHOT_SIZES })))
  // Zoom on the middle pane: all three zoom; pan on the first: all three move.
  const widths = async () => Promise.all((await images.all()).map((i) => drawn(i)))
  const fitted = await widths()
  const mid = (await panes.nth(1).boundingBox())!
  await page.mouse.move(mid.x + mid.width / 2, mid.y + mid.height / 2)
  await page.mouse.wheel(0, -500)
  await expect.poll(async () => (await widths()).map((w) => w.width > fitted[0]!.width * 1.5)).toEqual([true, true, true])
  await compare.getByRole('button', { name: 'Zoom in (+)' }).click()
  const zoomed = await widths()
  expect(new Set(zoomed.map((w) => Math.round(w.width))).size).toBe(1)
  const first = (await panes.nth(0).boundingBox())!
  await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2)
  await page.mouse.down()
  await page.mouse.move(first.x + first.width / 2 - 60, first.y + first.height / 2, { steps: 3 })
  await page.mouse.up()
  const moved = await widths()
  for (let i = 0; i < 3; i++) expect(moved[i]!.x - zoomed[i]!.x).toBeCloseTo(-60, 0)
  found.push(...(await audit(page, 'compare-3-zoomed', { sizes: [SHOT_SIZES[1]] })))
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  // Compare replaced the viewer; focus still goes back to the tile that opened review.
  await expect(firstImage).toBeFocused()

  // A file deleted behind the app: reveal says it is gone and offers Rebuild / Remove.
  await firstImage.click()
  await expect(viewer).toBeVisible()
  const src = (await viewer.locator('.zoom-image').getAttribute('src')) ?? ''
  const id = /\/library\/([^/]+)\/original/.exec(src)?.[1] ?? ''
  expect(id).not.toBe('')
  const libraryDir = join(studio.dataDir, 'sandbox', 'library')
  // Library file names end with the id's last 8 letters or digits (docs/library-format.md).
  const tail = id.replace(/[^a-z0-9]/gi, '').slice(-8).toLowerCase()
  const files = readdirSync(libraryDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes(` - ${tail}.`) && !f.endsWith('.json'))
  expect(files.length).toBe(1)
  rmSync(join(libraryDir, files[0]!))
  await viewer.getByRole('button', { name: 'Show in folder' }).click()
  await expect(page.getByRole('region', { name: /^Notifications/ }).getByText('This file is no longer in the Library folder.')).toBeVisible()
  await expect(viewer.getByText('File missing')).toBeVisible()
  await expect(viewer.getByRole('button', { name: 'Rebuild library' })).toBeVisible()
  found.push(...(await audit(page, 'viewer-missing', { sizes: SHOT_SIZES })))
  await viewer.getByRole('button', { name: 'Remove from library' }).click()
  await expect(viewer.getByText('File missing')).toHaveCount(0)
  // Escape closes even with the "Removed" toast up (a Radix layer that would take the key).
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(tiles).toHaveCount(4)
  if (found.length) console.log(found.join('\n'))
  expect(found).toEqual([])
})
