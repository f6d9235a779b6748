import type { Locator, Page } from '@playwright/test'
import { removeDir, startPreview } from '../support/preview'
import { expect, shoot, test } from '../support/fixtures'

// The honest unknown over the headless studio: the built-in sandbox takes the create POST
// (and charges it), then resets the connection before answering. The job says what is
// known, "Check balance" compares the balance before and after, "Run again" is a new job.

const RESET_AFTER_POST = JSON.stringify([{ method: 'POST', path: '/api/v1/images', action: { type: 'reset' }, times: 1 }])

const nav = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })

test('a reset after the POST: the job may have been charged, the balance tells, run again makes a new job', async ({ page }, testInfo) => {
  const preview = await startPreview({ env: { KREV_SANDBOX_SPEED: '20', KREV_SANDBOX_FAULTS: RESET_AFTER_POST } })
  try {
    await page.goto(preview.url)
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    await expect(page.getByRole('button', { name: '2,500 credits' })).toBeVisible()
    await nav(page, 'Create').click()
    await page.getByLabel('Prompt').fill('Walnut desk organiser, morning light')
    await page.getByRole('button', { name: 'Generate' }).click()

    await nav(page, 'Queue').click()
    const jobs = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem')
    const unknown = jobs.first()
    await expect(unknown.getByText('Outcome unknown')).toBeVisible({ timeout: 30_000 })
    await expect(unknown).toContainText('Krev may have charged this (about 40 credits).')
    await expect(unknown).toContainText(/Sent .+\. The connection dropped/)
    await expect(unknown.getByRole('button', { name: 'Retry job' })).toHaveCount(0)

    await unknown.getByRole('button', { name: 'Check balance' }).click()
    await expect(unknown.getByRole('status')).toHaveText('Balance 2,500 → 2,460: 40 credits were spent, most likely by this job.')
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await shoot(page, testInfo, `queue-unknown-outcome-${scheme}`)
    }
    await page.emulateMedia({ colorScheme: 'light' })

    await unknown.getByRole('button', { name: 'Run again' }).click()
    await expect(jobs).toHaveCount(2)
    const rerun = jobs.first()
    await expect(rerun).toContainText('Walnut desk organiser')
    await expect(rerun.getByText('Done')).toBeVisible({ timeout: 45_000 })
    const old = jobs.nth(1)
    await expect(old.getByText('Outcome unknown')).toBeVisible()
    await expect(old).toContainText('Re-run as a new job (Done)')
    // The new job spent its own 40: the old comparison can't tell any more.
    await old.getByRole('button', { name: 'Check balance' }).click()
    await expect(old.getByRole('status')).toHaveText('Balance 2,500 → 2,420: other jobs ran since; can’t tell.')
    await shoot(page, testInfo, 'queue-unknown-outcome-rerun-light')
  } finally {
    await preview.stop()
    removeDir(preview.dataDir)
  }
})
