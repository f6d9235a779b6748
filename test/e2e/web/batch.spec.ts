import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Locator, Page, TestInfo } from '@playwright/test'
import sharp from 'sharp'
import { audit } from '../support/audit'
import { expect, shoot, test } from '../support/fixtures'

// Batches (issue 12) through the UI: one prompt × 3 products × 2 variants shows the whole
// batch's estimate (240 credits) before anything is sent, asks first because the TOTAL is
// above "Confirm jobs above" (each job alone is not), and makes 3 jobs. The session spending
// cap still holds job by job: the third waits with its message; the strip shows 2 / 3 and
// the waiting job; raising the cap lets it go to 3 / 3, and ONE notification is given for
// the batch (none per job).

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/product.jpg')
const NAMES = ['Walnut tray', 'Linen pouch', 'Brass lamp']
const PROMPT = 'On a sunlit oak table, soft shadows, editorial'

const nav = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })

async function saveSettings(page: Page, fields: Record<string, string>): Promise<void> {
  await nav(page, 'Account').click()
  await page.getByRole('link', { name: 'Settings' }).click()
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
}

async function addProducts(page: Page): Promise<void> {
  await nav(page, 'Products').click()
  const files = await Promise.all(
    NAMES.map(async (name, i) => ({
      name: `${name}.jpg`,
      mimeType: 'image/jpeg',
      buffer: await sharp(readFileSync(FIXTURE)).modulate({ hue: 60 + i * 100 }).jpeg({ quality: 90 }).toBuffer()
    }))
  )
  await page.getByTestId('pick-files').setInputFiles(files)
  await expect(page.getByRole('list', { name: 'Your products' }).getByRole('listitem')).toHaveCount(3, { timeout: 30_000 })
}

/** Both themes, at 900×600 and 1440×900. */
async function shootAll(page: Page, testInfo: TestInfo, name: string, focus?: Locator): Promise<void> {
  for (const [size, viewport] of [['small', { width: 900, height: 600 }], ['large', { width: 1440, height: 900 }]] as const) {
    await page.setViewportSize(viewport)
    await focus?.scrollIntoViewIfNeeded()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await shoot(page, testInfo, `${name}-${size}-${scheme}`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
}

const notifications = (dataDir: string): string[] => {
  try {
    return readFileSync(join(dataDir, 'logs', 'studio.log'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('notification (preview: not shown)'))
  } catch {
    return []
  }
}

test('a batch of 3 products × 2 variants: 240 credits shown first, 3 jobs, the cap holds the third, one notification', async ({ page, studio }, testInfo) => {
  test.setTimeout(150_000)
  await page.goto(studio.url)
  await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
  await addProducts(page)
  // 3 × 80 = 240 would cross a 200-credit cap; each job (80) is below the confirmation threshold, the batch is not.
  await saveSettings(page, { 'Session spending cap': '200', 'Confirm jobs above': '100' })

  await nav(page, 'Create').click()
  await page.getByLabel('Prompt').fill(PROMPT)
  await page.getByRole('button', { name: 'New batch…' }).click()
  const dialog = page.getByRole('dialog', { name: 'New batch' })
  await expect(dialog.getByLabel('Prompt')).toHaveValue(PROMPT)
  const products = dialog.getByRole('list', { name: 'Products' })
  for (const name of NAMES) await products.getByRole('button', { name }).click()
  await dialog.getByRole('radiogroup', { name: 'Variants per job' }).getByRole('radio', { name: '2' }).check()
  await dialog.getByLabel('Batch name').fill('Oak table set')
  await expect(dialog.locator('.batch-total')).toHaveText('3 jobs · 240 credits')
  await shootAll(page, testInfo, 'batch-form')
  expect(await audit(page, 'batch-form')).toEqual([])

  // Asked first: for the batch's total.
  await dialog.getByRole('button', { name: /^Send batch/ }).click()
  await expect(dialog).toContainText('This batch is estimated at 240 credits, more than the 100 credits you asked to confirm.')
  await shoot(page, testInfo, 'batch-confirm-light')
  await dialog.getByRole('button', { name: 'Send 3 jobs for 240 credits' }).click()
  await expect(dialog).toBeHidden()

  await nav(page, 'Queue').click()
  const jobs = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem')
  await expect(jobs).toHaveCount(3)
  // Each row says which product it is for.
  for (const name of NAMES) await expect(jobs.filter({ hasText: `${name} · ${PROMPT}` })).toHaveCount(1)
  const strip = page.getByRole('list', { name: 'Batches' }).getByRole('listitem', { name: 'Batch Oak table set' })
  await expect(strip).toBeVisible()
  // Two go; the third would take the session to 240 > 200: it waits, saying why.
  await expect(strip.getByText('2 / 3')).toBeVisible({ timeout: 60_000 })
  await expect(strip).toContainText('1 job waiting on your spending cap')
  await expect(jobs.filter({ hasText: 'Waiting: this job (80 credits) would take this session past your 200-credit spending cap (160 spent).' })).toHaveCount(1)
  await shootAll(page, testInfo, 'batch-queue-waiting')
  expect(await audit(page, 'batch-queue')).toEqual([])
  expect(notifications(studio.dataDir)).toEqual([])

  // Raising the cap lets it go; the batch reaches 3 / 3 and tells once.
  await saveSettings(page, { 'Session spending cap': '1000' })
  await nav(page, 'Queue').click()
  await expect(strip.getByText('3 / 3')).toBeVisible({ timeout: 60_000 })
  await expect(strip.getByText('Done')).toBeVisible()
  await expect.poll(() => notifications(studio.dataDir).length, { timeout: 10_000 }).toBe(1)
  expect(notifications(studio.dataDir)[0]).toContain('Batch “Oak table set” is done')
  expect(notifications(studio.dataDir)[0]).toContain('3 of 3 ready')
  await shootAll(page, testInfo, 'batch-queue-done')
})

test('prompts from a CSV file: bad rows are listed by line and nothing is sent until they are fixed', async ({ page, studio }, testInfo) => {
  await page.goto(studio.url)
  await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
  await nav(page, 'Create').click()
  await shootAll(page, testInfo, 'batch-entry', page.getByRole('button', { name: 'New batch…' }))
  await page.getByRole('button', { name: 'New batch…' }).click()
  const dialog = page.getByRole('dialog', { name: 'New batch' })
  await dialog.getByRole('radiogroup', { name: 'One job per' }).getByRole('radio', { name: 'Prompt' }).check()
  const csv = (body: string) => ({ name: 'autumn.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${body}`) })
  await dialog.getByLabel('Prompts file').setInputFiles(
    csv('prompt,variants,hd\r\n"Scarf on a chair, warm light",2,no\r\n"Boots in the rain",3,\r\n,1,\r\n"Hat, ""wide"" brim",,yes\r\n')
  )
  const problems = dialog.getByRole('alert')
  await expect(problems).toContainText('Line 3: variants must be 1, 2, 4 (not “3”).')
  await expect(problems).toContainText('Line 4: the prompt is empty.')
  await expect(dialog.getByRole('button', { name: /^Send batch/ })).toBeDisabled()
  await shoot(page, testInfo, 'batch-csv-problems-light')
  expect(await audit(page, 'batch-csv-problems', { sizes: [{ width: 900, height: 600 }] })).toEqual([])

  await dialog.getByLabel('Prompts file').setInputFiles(csv('prompt,variants,hd\r\n"Scarf on a chair, warm light",2,no\r\n"Hat, ""wide"" brim",,yes\r\n'))
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  // 2 × 40 + 1 HD × 80.
  await expect(dialog.locator('.batch-total')).toHaveText('2 jobs · 160 credits')
  await dialog.getByRole('button', { name: /^Send batch/ }).click()
  await expect(dialog).toBeHidden()
  await nav(page, 'Queue').click()
  const jobs = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem')
  await expect(jobs).toHaveCount(2)
  await expect(jobs.filter({ hasText: 'Hat, "wide" brim' })).toHaveCount(1)
  await expect(page.getByRole('listitem', { name: 'Batch autumn' }).getByText('2 / 2')).toBeVisible({ timeout: 60_000 })
})
