import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { startSandbox, type SandboxHandle } from '../../../src-main/sandbox'
import { removeDir, startPreview, type Preview } from '../support/preview'
import { expect, shoot, test } from '../support/fixtures'

// "Krev" here is a second, separate sandbox process-side server standing in for
// app.krev.ai (KREV_API_BASE), so the embedded sandbox and the real mode differ.
let krev: SandboxHandle
test.beforeAll(async () => {
  krev = await startSandbox({ port: 0, credits: 1234, speed: 20 })
})
test.afterAll(async () => {
  await krev.close()
})

async function openStudio(page: Page, env: Record<string, string> = {}): Promise<Preview> {
  const preview = await startPreview({ env: { KREV_API_BASE: krev.baseUrl, ...env } })
  await page.goto(preview.url)
  return preview
}

async function gotoAccount(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Account', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Plan & usage' })).toBeVisible()
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

test.describe('account', () => {
  test('first run → sandbox → credits shown', async ({ page }, testInfo) => {
    const preview = await openStudio(page)
    try {
      await expect(page.getByRole('button', { name: 'Use my Krev API key' })).toBeVisible()
      await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
      await expect(page.getByText('Built-in sandbox').first()).toBeVisible()
      await expect(page.getByRole('button', { name: '2,500 credits' })).toBeVisible()
      await gotoAccount(page)
      await expect(page.getByText('of 2,500')).toBeVisible()
      for (const scheme of ['dark', 'light'] as const) {
        // Reduced motion makes the section links jump instead of smooth-scrolling.
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
        for (const [link, shot] of [
          ['Settings', 'settings'],
          ['Meta conversions', 'conversions'],
          ['Plan & usage', 'account']
        ] as const) {
          await page.getByRole('link', { name: link }).click()
          await expect(page.getByRole('heading', { name: link })).toBeInViewport()
          await shoot(page, testInfo, `${shot}-${scheme}`)
        }
      }
    } finally {
      await preview.stop()
      removeDir(preview.dataDir)
    }
  })

  test('wrong key refused, real key shows balance with last4 only, then removed', async ({ page }) => {
    const preview = await openStudio(page)
    try {
      await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
      await gotoAccount(page)
      const keyInput = page.getByLabel('API key', { exact: true })
      const save = page.getByRole('button', { name: 'Save key' })

      await keyInput.fill('not-a-key')
      await save.click()
      await expect(page.getByText(/sk_live_/).first()).toBeVisible()

      await keyInput.fill(`sk_live_${'Q'.repeat(32)}`)
      await save.click()
      await expect(page.getByText('Krev did not accept this key')).toBeVisible()
      await expect(page.getByText('No key saved')).toBeVisible()

      await keyInput.fill(krev.key)
      await save.click()
      await expect(page.getByText(`•••• ${krev.key.slice(-4)}`)).toBeVisible()
      await expect(page.getByText('Krev · 127.0.0.1').first()).toBeVisible()
      await expect(page.getByRole('button', { name: '1,234 credits' })).toBeVisible()
      expect(await page.content()).not.toContain(krev.key)
      await expect(keyInput).toHaveValue('')

      await page.getByRole('button', { name: 'Remove key' }).click()
      await expect(page.getByText('No key saved')).toBeVisible()
      await expect(page.getByText('Built-in sandbox').first()).toBeVisible()
    } finally {
      await preview.stop()
    }
    // After the whole session: the key is in no file of the data dir, logs included.
    const leaked = filesUnder(preview.dataDir).filter((f) => readFileSync(f).includes(krev.key))
    expect(leaked).toEqual([])
    removeDir(preview.dataDir)
  })

  test('without a keychain the key is kept for this session only, with a banner', async ({ page }) => {
    const preview = await openStudio(page, { KREV_KEYCHAIN: 'off' })
    try {
      await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
      await expect(page.getByText('The system keychain isn’t available')).toBeVisible()
      await gotoAccount(page)
      await page.getByLabel('API key', { exact: true }).fill(krev.key)
      await page.getByRole('button', { name: 'Save key' }).click()
      await expect(page.getByText(`•••• ${krev.key.slice(-4)}`)).toBeVisible()
      await expect(page.getByText('This session only').first()).toBeVisible()
    } finally {
      await preview.stop()
    }
    expect(filesUnder(preview.dataDir).filter((f) => readFileSync(f).includes(krev.key))).toEqual([])
    removeDir(preview.dataDir)
  })

  test('sends a Meta conversion event', async ({ page }) => {
    const preview = await openStudio(page)
    try {
      await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
      await gotoAccount(page)
      await page.getByRole('link', { name: 'Meta conversions' }).click()
      // The event list (Radix Select) by keyboard: named by its label, opened with Enter, an option chosen.
      const eventName = page.getByRole('combobox', { name: 'Event name' })
      await eventName.focus()
      await page.keyboard.press('Enter')
      await page.getByRole('option', { name: 'Lead', exact: true }).click()
      await expect(eventName).toHaveText('Lead')
      await expect(eventName).toBeFocused()
      await page.getByLabel('Event source URL').fill('https://example.com/products/wallet')
      await page.getByLabel('Email').fill('customer@example.com')
      await page.getByLabel('Currency', { exact: true }).fill('USD')
      await page.getByLabel('Value', { exact: true }).fill('79')
      await page.getByRole('button', { name: 'Send event' }).click()
      await expect(page.getByText('Meta received 1 event.')).toBeVisible()
    } finally {
      await preview.stop()
      removeDir(preview.dataDir)
    }
  })

  test('settings survive a restart of the headless studio', async ({ page }) => {
    let preview = await openStudio(page)
    try {
      await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
      await gotoAccount(page)
      await page.getByRole('link', { name: 'Settings' }).click()
      await page.getByRole('radio', { name: 'Dark' }).check()
      await page.getByLabel('Low-credit threshold').fill('3000')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
      // The page emulates a light OS: the forced theme wins (the dark side of light-dark()).
      await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 13, 16)')
      await expect(page.getByRole('button', { name: /2,500 credits low balance/ })).toBeVisible()

      preview = await preview.restart()
      await page.goto(preview.url)
      // First run is over: straight into the studio, with the saved settings.
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
      await gotoAccount(page)
      await page.getByRole('link', { name: 'Settings' }).click()
      await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked()
      await expect(page.getByLabel('Low-credit threshold')).toHaveValue('3000')
    } finally {
      await preview.stop()
      removeDir(preview.dataDir)
    }
  })
})
