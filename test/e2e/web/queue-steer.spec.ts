import type { Locator, Page } from '@playwright/test'
import { audit } from '../support/audit'
import { expect, shoot, test } from '../support/fixtures'
import { removeDir, startPreview } from '../support/preview'

// The queue the creator steers (issue 12): waiting jobs reordered by keyboard (grab with
// Space, arrows, drop; Alt+arrow) and by dragging, "Run next", the "at once" stepper saved
// to the setting main applies, and per-job elapsed time and typical duration.

const nav = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })

async function generate(page: Page, prompt: string): Promise<void> {
  await nav(page, 'Create').click()
  await page.getByLabel('Prompt').fill(prompt)
  await page.getByRole('button', { name: 'Generate' }).click()
}

const titles = (jobs: Locator) => jobs.locator('.job-title').allTextContents()

async function shots(page: Page, testInfo: Parameters<typeof shoot>[1], name: string): Promise<void> {
  for (const size of [{ width: 900, height: 600 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await shoot(page, testInfo, `${name}-${scheme}-${size.width}x${size.height}`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1440, height: 900 })
}

test('reorder waiting jobs by keyboard and by drag, run one next, change how many run at once, see elapsed and typical times', async ({ page, studio }, testInfo) => {
  test.setTimeout(150_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(studio.url)
  await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()

  // One job finishes first, so the others have a typical time to show.
  await generate(page, 'Amber glass candle, first')
  await nav(page, 'Queue').click()
  const jobs = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem')
  await expect(jobs.first().getByText('Done')).toBeVisible({ timeout: 45_000 })
  await page.getByRole('button', { name: 'Pause' }).click()
  for (const p of ['Alpha linen tote', 'Bravo ceramic mug', 'Charlie walnut tray']) await generate(page, p)
  await nav(page, 'Queue').click()
  await expect(jobs).toHaveCount(4)
  expect(await titles(jobs)).toEqual(['Alpha linen tote', 'Bravo ceramic mug', 'Charlie walnut tray', 'Amber glass candle, first'])
  await expect(jobs.first()).toContainText(/Usually takes (under 10 s|about \d+ s|about \d+ min)/)

  // Keyboard: pick Charlie up with Space, two places up, drop.
  const status = page.locator('p.sr-only[role="status"]')
  const charlie = page.getByRole('button', { name: 'Reorder Charlie walnut tray' })
  await charlie.focus()
  await page.keyboard.press('Space')
  await expect(status).toHaveText(/Charlie walnut tray picked up, position 3 of 3/)
  await expect(charlie).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('ArrowUp')
  await expect(status).toHaveText('Charlie walnut tray moved to position 2 of 3.')
  await page.keyboard.press('ArrowUp')
  await expect(status).toHaveText('Charlie walnut tray moved to position 1 of 3.')
  await page.keyboard.press('Space')
  await expect(status).toHaveText('Charlie walnut tray dropped at position 1 of 3.')
  await expect.poll(() => titles(jobs)).toEqual(['Charlie walnut tray', 'Alpha linen tote', 'Bravo ceramic mug', 'Amber glass candle, first'])
  // Alt+↓ moves directly; focus stays on the moved job's handle.
  await page.keyboard.press('Alt+ArrowDown')
  await expect(status).toHaveText('Charlie walnut tray moved to position 2 of 3.')
  await expect.poll(() => titles(jobs)).toEqual(['Alpha linen tote', 'Charlie walnut tray', 'Bravo ceramic mug', 'Amber glass candle, first'])
  await expect(charlie).toBeFocused()

  // Drag: Bravo onto the top half of Alpha (before it).
  const row = (title: string) => jobs.filter({ hasText: title })
  await row('Bravo ceramic mug').dragTo(row('Alpha linen tote'), { targetPosition: { x: 200, y: 6 } })
  await expect.poll(() => titles(jobs)).toEqual(['Bravo ceramic mug', 'Alpha linen tote', 'Charlie walnut tray', 'Amber glass candle, first'])
  await expect(status).toHaveText('Bravo ceramic mug moved to position 1 of 3.')

  // Run next: the last waiting job goes first; the first has no "Run next".
  await expect(row('Bravo ceramic mug').getByRole('button', { name: 'Run next' })).toHaveCount(0)
  await row('Charlie walnut tray').getByRole('button', { name: 'Run next' }).click()
  await expect.poll(() => titles(jobs)).toEqual(['Charlie walnut tray', 'Bravo ceramic mug', 'Alpha linen tote', 'Amber glass candle, first'])
  await shots(page, testInfo, 'queue-steer-waiting')
  expect(await audit(page, 'queue-steer-waiting', { sizes: [{ width: 900, height: 600 }] })).toEqual([])

  // At once: 1, saved to the setting (Account shows it too).
  const atOnce = page.getByRole('spinbutton', { name: 'At once' })
  await expect(atOnce).toHaveValue('4')
  await atOnce.fill('1')
  await atOnce.press('Enter')
  await expect(atOnce).toHaveValue('1')

  // Resumed with one at a time: the first in line goes, the others wait; it shows elapsed time.
  await page.getByRole('button', { name: 'Resume' }).click()
  await expect(row('Charlie walnut tray')).toContainText(/\d:\d\d elapsed( · about .+ left| · almost done| · longer than usual)?/, { timeout: 20_000 })
  await expect(row('Bravo ceramic mug').getByText('Waiting')).toBeVisible()
  await expect(row('Alpha linen tote').getByText('Waiting')).toBeVisible()
  await shots(page, testInfo, 'queue-steer-running')

  // Raised to 3: main starts the waiting jobs now, not after the running one.
  const increase = page.locator('.queue-concurrency').getByRole('button', { name: 'Increase' })
  await increase.click()
  await increase.click()
  await expect(atOnce).toHaveValue('3')
  await expect(jobs.getByText('Waiting')).toHaveCount(0, { timeout: 20_000 })
  await expect(jobs.getByText('Done')).toHaveCount(4, { timeout: 60_000 })
  await nav(page, 'Account').click()
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByLabel('Poll concurrency')).toHaveValue('3')
})

async function generateVideo(page: Page, prompt: string): Promise<void> {
  await nav(page, 'Create').click()
  await page.getByRole('tab', { name: 'Video' }).click()
  await page.getByLabel('Prompt').fill(prompt)
  await page.getByLabel('Duration').fill('15')
  await page.getByRole('button', { name: 'Generate' }).click()
  // 1,200 credits is above "Confirm jobs above" (200 by default).
  await page.getByRole('dialog', { name: 'Send this job?' }).getByRole('button', { name: /^Send for/ }).click()
}

test('a job the balance cannot cover waits, saying what it needs and what would fit; a smaller one still runs', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  const preview = await startPreview({ env: { KREV_SANDBOX_SPEED: '20' } })
  try {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(preview.url)
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    // 2,500 credits: two 15 s videos (1,200 each) are charged, the third gets Krev's 402.
    for (const p of ['Perfume turntable', 'Sneaker orbit', 'Watch close-up']) await generateVideo(page, p)
    await nav(page, 'Create').click()
    await page.getByRole('tab', { name: 'Image' }).click()
    await generate(page, 'Small card holder')
    await nav(page, 'Queue').click()
    const jobs = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem')
    const held = jobs.filter({ hasText: 'Watch close-up' })
    await expect(held).toContainText(/Needs 1,200 credits, you have (100|60)\./, { timeout: 30_000 })
    await expect(held).toContainText('Shorten the video (each second costs 80), or top up.')
    await expect(held.getByText('Needs credits')).toBeVisible()
    await expect(held.getByRole('button', { name: 'Top up in the Krev dashboard' })).toBeVisible()
    // Not the queue: the 40-credit image goes through while the video waits.
    await expect(page.getByText('Queue paused')).toHaveCount(0)
    await expect(jobs.filter({ hasText: 'Small card holder' }).getByText('Done')).toBeVisible({ timeout: 45_000 })
    await expect(held).toContainText('Needs credits')
    await shots(page, testInfo, 'queue-steer-credits')
    expect(await audit(page, 'queue-steer-credits', { sizes: [{ width: 900, height: 600 }] })).toEqual([])
  } finally {
    await preview.stop()
    removeDir(preview.dataDir)
  }
})
