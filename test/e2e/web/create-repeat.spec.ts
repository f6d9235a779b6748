import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { removeDir, startPreview } from '../support/preview'
import { expect, shoot, test } from '../support/fixtures'

// One user action, one job (faults row 27): rapid repeats of Ctrl+Enter and a triple click
// on Generate each make exactly one job, and the embedded sandbox sees one POST for it.

const nav = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })

/** The generations the embedded sandbox accepted (and charged), from its own state file. */
function sandboxGenerations(dataDir: string): { params: { prompt?: string }; creditsCharged: number }[] {
  try {
    return (JSON.parse(readFileSync(join(dataDir, 'sandbox', 'state.json'), 'utf8')) as { generations: [] }).generations
  } catch {
    return [] // not written yet
  }
}

test('three rapid Ctrl+Enter presses and a triple click on Generate make one job each', async ({ page }, testInfo) => {
  const preview = await startPreview({ env: { KREV_SANDBOX_SPEED: '20' } })
  try {
    await page.goto(preview.url)
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    await nav(page, 'Create').click()
    const prompt = page.getByLabel('Prompt')

    await prompt.fill('Leather wallet on dark marble')
    await prompt.press('Control+Enter')
    await prompt.press('Control+Enter')
    await prompt.press('Control+Enter')
    await expect(page.getByRole('status').getByText('“Leather wallet on dark marble” is on its way.')).toBeVisible()
    // The prompt stays, to tweak and go again.
    await expect(prompt).toHaveValue('Leather wallet on dark marble')

    await prompt.fill('Leather wallet on light oak')
    await page.getByRole('button', { name: 'Generate' }).click({ clickCount: 3 })
    await expect(page.getByRole('status').getByText('“Leather wallet on light oak” is on its way.')).toBeVisible()
    await shoot(page, testInfo, 'create-repeat-kept-prompt')

    // ↑ in an empty box brings the prompts back, newest first; ↓ goes forward again.
    await prompt.fill('')
    await prompt.press('ArrowUp')
    await expect(prompt).toHaveValue('Leather wallet on light oak')
    await prompt.press('ArrowUp')
    await expect(prompt).toHaveValue('Leather wallet on dark marble')
    await prompt.press('ArrowDown')
    await expect(prompt).toHaveValue('Leather wallet on light oak')

    await nav(page, 'Queue').click()
    const jobs = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem')
    await expect(jobs.filter({ hasText: 'Done' })).toHaveCount(2, { timeout: 45_000 })
    await expect(jobs).toHaveCount(2)
    await expect(jobs.filter({ hasText: 'dark marble' })).toHaveCount(1)
    await expect(jobs.filter({ hasText: 'light oak' })).toHaveCount(1)
    await shoot(page, testInfo, 'create-repeat-queue')

    // What Krev saw: one POST, one charge, per action.
    await expect.poll(() => sandboxGenerations(preview.dataDir).length).toBe(2)
    const posted = sandboxGenerations(preview.dataDir)
    expect(posted.map((g) => g.params.prompt).sort()).toEqual(['Leather wallet on dark marble', 'Leather wallet on light oak'])
    expect(posted.reduce((sum, g) => sum + g.creditsCharged, 0)).toBe(80)
    await expect(page.getByRole('button', { name: '2,420 credits' })).toBeVisible()
  } finally {
    await preview.stop()
    removeDir(preview.dataDir)
  }
})
