import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import sharp from 'sharp'
import { audit } from '../support/audit'
import { expect, test } from '../support/fixtures'
import { startPreview } from '../support/preview'
import { nav } from '../support/nav'
import { openStudioPage, type StudioPage } from '../support/studio-page'

// Review in the Library, over the headless studio: a Library folder of 24 files with
// sidecars (as another computer would hand over) is indexed on the first visit; the grid is
// then reviewed by keyboard, filtered, sorted, multi-selected for bulk tag / favourite /
// approve, and two items are deleted to the trash (the preview's `.trash` folder).

const PROMPTS = ['Tan leather wallet on dark marble', 'Ceramic mug in morning light', 'Sneakers on a concrete step', 'Perfume bottle, soft studio light']
const SIZES = [
  [1024, 1024],
  [1024, 768],
  [768, 1024],
  [1280, 720]
] as const
const COLOURS = ['#8a5a3b', '#3b6b8a', '#6b8a3b', '#8a3b6b', '#5b57e0', '#c08a2e']

/** 24 assets across four days, two a minute: images of four shapes, some rated, tagged and reviewed already. */
async function seedLibrary(dataDir: string): Promise<void> {
  const month = join(dataDir, 'sandbox', 'library', '2026-03')
  mkdirSync(month, { recursive: true })
  for (let n = 0; n < 24; n++) {
    const id = `seed${String(n).padStart(2, '0')}`
    const [width, height] = SIZES[n % SIZES.length]!
    const png = await sharp({ create: { width: width / 8, height: height / 8, channels: 3, background: COLOURS[n % COLOURS.length]! } }).png().toBuffer()
    const file = `Seed ${n} - ${id}.png`
    writeFileSync(join(month, file), png)
    const sidecar = {
      format: 'krev-studio/asset',
      version: 1,
      id,
      file,
      kind: 'image',
      prompt: `${PROMPTS[n % PROMPTS.length]} #${n}`,
      createdAt: new Date(Date.UTC(2026, 2, 1 + Math.floor(n / 6), 10, n)).toISOString(),
      aspectRatio: width === height ? '1:1' : width > height ? '4:3' : '3:4',
      width: width / 8,
      height: height / 8,
      bytes: png.length,
      mimeType: 'image/png',
      rating: n % 7 === 0 ? 3 : 0,
      tags: n % 5 === 0 ? ['summer'] : [],
      approval: n === 23 ? 'rejected' : 'none'
    }
    writeFileSync(join(month, `Seed ${n} - ${id}.krev.json`), JSON.stringify(sidecar))
  }
}

const grid = (page: Page) => page.getByRole('list', { name: 'Results' })
const tile = (page: Page, n: number) => grid(page).locator(`[data-index="${n}"]`)
const count = (page: Page) => page.locator('.toolbar-count')
const announced = (page: Page) => page.locator('p[role="status"][aria-live="polite"]').first()

async function openLibrary(browser: Browser, viewport: { width: number; height: number }): Promise<StudioPage> {
  const dataDir = mkdtempSync(join(tmpdir(), 'krev-e2e-review-'))
  await seedLibrary(dataDir)
  const studio = await openStudioPage(browser, await startPreview({ dataDir }), { viewport })
  const { page } = studio
  await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
  await nav(page, 'Library').click()
  await expect(count(page)).toHaveText('24 items', { timeout: 30_000 })
  return studio
}

test('keyboard review, filters and sort, multi-select bulk actions and delete to the trash', async ({ browser }) => {
  test.setTimeout(240_000)
  const { page, preview, close } = await openLibrary(browser, { width: 1440, height: 900 })
  const found: string[] = []
  try {
    // Newest first: seed23 (rejected already) is index 0, seed22 index 1.
    await expect(tile(page, 0)).toHaveAccessibleName(/#23 \(rejected\)$/)

    // Keyboard review: one tab stop, arrows move it, keys act on the focused tile and are announced.
    await tile(page, 0).focus()
    await expect(tile(page, 0)).toHaveAttribute('tabindex', '0')
    await page.keyboard.press('ArrowRight')
    await expect(tile(page, 1)).toBeFocused()
    await expect(tile(page, 0)).toHaveAttribute('tabindex', '-1')
    await page.keyboard.press('f')
    await expect(tile(page, 1)).toHaveAccessibleName(/#22 \(favourite\)$/)
    await expect(announced(page)).toHaveText('1 item favourited')
    await page.keyboard.press('4')
    await expect(tile(page, 1)).toHaveAccessibleName(/#22 \(favourite, rated 4 of 5\)$/)
    await page.keyboard.press('a')
    await expect(tile(page, 1)).toHaveAccessibleName(/#22 \(favourite, rated 4 of 5, approved\)$/)
    await expect(announced(page)).toHaveText('1 item approved')
    await page.keyboard.press('0')
    await expect(tile(page, 1)).toHaveAccessibleName(/#22 \(favourite, approved\)$/)
    await page.keyboard.press('5')
    await expect(tile(page, 1)).toHaveAccessibleName(/#22 \(favourite, rated 5 of 5, approved\)$/)
    // Down goes to the row below (grid-aware), not to the next item.
    const firstRowLength = await page.locator('.asset-row').first().locator('[data-index]').count()
    await page.keyboard.press('ArrowDown')
    // Focus follows the grid's state (set after the render that moved it): wait for it to land.
    const focusedIndex = () => page.evaluate(() => Number((document.activeElement as HTMLElement).dataset['index']))
    await expect.poll(focusedIndex).toBeGreaterThanOrEqual(firstRowLength)
    const below = await focusedIndex()
    await page.keyboard.press('x')
    await expect(tile(page, below)).toHaveAccessibleName(/ \(rejected\)$/)
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press(' ')
    const viewer = page.getByRole('dialog', { name: 'Preview' })
    await expect(viewer).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(viewer).toHaveCount(0)

    // Sort: highest rated first (the 5 we just gave), ties by date; oldest first.
    await page.getByLabel('Sort').click()
    await page.getByRole('option', { name: 'Highest rated' }).click()
    await expect(tile(page, 0)).toHaveAccessibleName(/#22 \(favourite, rated 5 of 5, approved\)$/)
    await expect(tile(page, 1)).toHaveAccessibleName(/#21 \(rated 3 of 5\)$/)
    await page.getByLabel('Sort').click()
    await page.getByRole('option', { name: 'Oldest first' }).click()
    await expect(tile(page, 0)).toHaveAccessibleName(/#0 \(rated 3 of 5\)$/)
    await page.getByLabel('Sort').click()
    await page.getByRole('option', { name: 'Newest first' }).click()

    // Filters: review verdict, rating, tag; chips remove one, Clear removes all; the count says how many match.
    await page.getByRole('button', { name: /^Filters/ }).click()
    const panel = page.getByRole('dialog', { name: 'Filters' })
    await panel.getByRole('radiogroup', { name: 'Review' }).getByRole('radio', { name: 'Rejected' }).click()
    await expect(count(page)).toHaveText('2 matches')
    await panel.getByRole('radiogroup', { name: 'Review' }).getByRole('radio', { name: 'Any' }).click()
    await expect(count(page)).toHaveText('24 items')
    // Rated 3 or more: the seeded 0, 7, 14, 21 and the 22 rated 5 above.
    await panel.getByRole('radiogroup', { name: 'Rating' }).getByRole('radio', { name: '3+ stars' }).click()
    await expect(count(page)).toHaveText('5 matches')
    await panel.getByLabel('Tag').click()
    await page.getByRole('option', { name: /^summer/ }).click()
    // Tagged summer (every fifth) and rated 3+: only #0.
    await expect(count(page)).toHaveText('1 match')
    found.push(...(await audit(page, 'library-review-filters', { sizes: [{ width: 1440, height: 900 }] })))
    await page.keyboard.press('Escape')
    const chips = page.getByRole('group', { name: 'Active filters' })
    await expect(chips.getByRole('button')).toHaveText(['3+ stars', 'Tag: summer', 'Clear'])
    await chips.getByRole('button', { name: 'Remove filter: 3+ stars' }).click()
    await expect(count(page)).toHaveText('5 matches')
    await chips.getByRole('button', { name: 'Clear' }).click()
    await expect(count(page)).toHaveText('24 items')
    await expect(chips).toHaveCount(0)

    // Search: words in any order, any case, extra spaces; the matched words are marked in captions.
    await page.getByRole('searchbox', { name: 'Search prompts and tags' }).fill('  MARBLE   leather ')
    await expect(count(page)).toHaveText('6 matches')
    await expect(tile(page, 0).locator('mark')).toHaveText(['leather', 'marble'])
    await page.getByRole('searchbox', { name: 'Search prompts and tags' }).fill('')
    await expect(count(page)).toHaveText('24 items')

    // Multi-select: ⌘/Ctrl+click toggles, Shift+click extends, the bulk bar acts on all of them.
    await tile(page, 2).click({ modifiers: ['ControlOrMeta'] })
    await tile(page, 5).click({ modifiers: ['Shift'] })
    const bar = page.getByRole('toolbar', { name: 'Selected items' })
    await expect(bar.getByText('4 items selected')).toBeVisible()
    await tile(page, 4).click({ modifiers: ['ControlOrMeta'] })
    await expect(bar.getByText('3 items selected')).toBeVisible()
    await tile(page, 4).click({ modifiers: ['ControlOrMeta'] })
    await bar.getByRole('button', { name: 'Tag' }).click()
    await page.getByLabel('Tag', { exact: true }).fill('hero shot')
    await page.getByRole('button', { name: 'Add tag' }).click()
    await expect(announced(page)).toHaveText('4 items tagged “hero shot”')
    await bar.getByRole('button', { name: 'Favourite' }).click()
    await expect(announced(page)).toHaveText('4 items favourited')
    await bar.getByRole('button', { name: 'Approve' }).click()
    await expect(announced(page)).toHaveText('4 items approved')
    for (const n of [2, 3, 4, 5]) await expect(tile(page, n)).toHaveAccessibleName(/\(favourite, (rated 3 of 5, )?approved, selected\)$/)
    found.push(...(await audit(page, 'library-review-selection', { sizes: [{ width: 900, height: 600 }, { width: 1440, height: 900 }] })))
    await page.getByRole('button', { name: /^Filters/ }).click()
    await page.getByRole('dialog', { name: 'Filters' }).getByLabel('Tag').click()
    await page.getByRole('option', { name: /^hero shot/ }).click()
    await page.keyboard.press('Escape')
    await expect(count(page)).toHaveText('4 matches')
    await page.getByRole('group', { name: 'Active filters' }).getByRole('button', { name: 'Clear' }).click()

    // Select all and Escape, from the keyboard.
    await tile(page, 0).focus()
    await page.keyboard.press('ControlOrMeta+a')
    await expect(bar.getByText('24 items selected')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(bar).toHaveCount(0)

    // Delete to the trash: asks first; the files and sidecars land in the data folder's .trash.
    await tile(page, 0).click({ modifiers: ['ControlOrMeta'] })
    await tile(page, 1).click({ modifiers: ['ControlOrMeta'] })
    await tile(page, 1).focus()
    await page.keyboard.press('Delete')
    const confirm = page.getByRole('dialog', { name: 'Move these 2 items to the trash?' })
    await expect(confirm).toBeVisible()
    found.push(...(await audit(page, 'library-review-confirm-trash', { sizes: [{ width: 900, height: 600 }] })))
    await confirm.getByRole('button', { name: 'Move to trash' }).click()
    await expect(count(page)).toHaveText('22 items')
    await expect(announced(page)).toHaveText('2 items moved to the data folder’s .trash')
    const trash = join(preview.dataDir, '.trash')
    expect(existsSync(trash)).toBe(true)
    const trashed = readdirSync(trash).flatMap((d) => readdirSync(join(trash, d)))
    expect(trashed.sort()).toEqual(['Seed 22 - seed22.krev.json', 'Seed 22 - seed22.png', 'Seed 23 - seed23.krev.json', 'Seed 23 - seed23.png'])
    await expect(tile(page, 0)).toHaveAccessibleName(/#21 \(favourite, rated 3 of 5, approved\)$/)
    // The focused tile went to the trash: the one now in its place has focus, so review goes on.
    await expect(tile(page, 1)).toBeFocused()

    found.push(...(await audit(page, 'library-review-grid', { sizes: [{ width: 900, height: 600 }, { width: 1440, height: 900 }] })))
    expect(found).toEqual([])
  } finally {
    await close()
  }
})
