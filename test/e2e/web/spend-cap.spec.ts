import type { Locator, Page } from '@playwright/test'
import { expect, shoot, test } from '../support/fixtures'

// The two spending guards of issue 12 through the UI: "Confirm jobs above" asks before a
// submit (cancel sends nothing), and the session spending cap, enforced in main, holds a
// job that would cross it with its message until the cap is raised.

const nav = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })

async function saveSettings(page: Page, fields: Record<string, string>, shot?: () => Promise<void>): Promise<void> {
  await nav(page, 'Account').click()
  await page.getByRole('link', { name: 'Settings' }).click()
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value)
  await shot?.()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
}

async function generateTwoImages(page: Page, prompt: string): Promise<void> {
  await nav(page, 'Create').click()
  await page.getByLabel('Prompt').fill(prompt)
  await page.getByRole('radiogroup', { name: 'Variants' }).getByRole('radio', { name: '2' }).check()
  await page.getByRole('button', { name: 'Generate' }).click()
}

test('a submit above the threshold asks first; a job past the session cap waits until the cap is raised', async ({ page, studio }, testInfo) => {
  await page.goto(studio.url)
  await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
  await saveSettings(page, { 'Session spending cap': '100', 'Confirm jobs above': '50' }, async () => {
    await page.getByLabel('Session spending cap').scrollIntoViewIfNeeded()
    await shoot(page, testInfo, 'settings-spend-light')
  })

  // 80 credits > 50: asked first. Cancel sends nothing.
  await generateTwoImages(page, 'Walnut desk organiser, morning light')
  const dialog = page.getByRole('dialog', { name: 'Send this job?' })
  await expect(dialog).toContainText('estimated at 80 credits, more than the 50 credits')
  await shoot(page, testInfo, 'confirm-spend-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await shoot(page, testInfo, 'confirm-spend-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await nav(page, 'Queue').click()
  const jobs = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem')
  await expect(page.getByRole('heading', { name: 'Queue' }).first()).toBeVisible()
  await expect(jobs).toHaveCount(0)

  // Confirmed: sent once, and it finishes (80 of the 100-credit cap spent).
  await generateTwoImages(page, 'Walnut desk organiser, morning light')
  await dialog.getByRole('button', { name: 'Send for 80 credits' }).click()
  await nav(page, 'Queue').click()
  await expect(jobs).toHaveCount(1)
  await expect(jobs.first().getByText('Done')).toBeVisible({ timeout: 45_000 })

  // A second 80-credit job would take the session to 160: it waits, saying why.
  await generateTwoImages(page, 'Walnut desk organiser, on a shelf')
  await dialog.getByRole('button', { name: 'Send for 80 credits' }).click()
  await nav(page, 'Queue').click()
  const waiting = jobs.filter({ hasText: 'on a shelf' })
  await expect(waiting).toContainText(
    'Waiting: this job (80 credits) would take this session past your 100-credit spending cap (80 spent). Raise the cap in Settings to send it.'
  )
  await expect(waiting.getByText('Paused')).toBeVisible()
  await shoot(page, testInfo, 'spend-cap-waiting-light')

  // Raising the cap lets it go.
  await saveSettings(page, { 'Session spending cap': '500' })
  await nav(page, 'Queue').click()
  await expect(waiting.getByText('Done')).toBeVisible({ timeout: 45_000 })
  await expect(waiting).not.toContainText('spending cap')
})
