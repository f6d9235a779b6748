import { resolve } from 'node:path'
import type { Browser, Locator, Page } from '@playwright/test'
import { audit, SIZES } from '../support/audit'
import { nav } from '../support/nav'
import { startPreview } from '../support/preview'
import { openStudioPage, type StudioPage } from '../support/studio-page'
import { expect, test } from '../support/fixtures'

// axe-core on every screen and every state the other web specs visit, in both themes and
// at 900×600, 1440×900 and 2560×1440 (screenshots under test-results/screens/). Any
// violation fails; the message lists all of them at once.

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/product.jpg')


async function open(browser: Browser, env: Record<string, string>): Promise<StudioPage> {
  return openStudioPage(browser, await startPreview({ env }))
}

async function goto(page: Page, name: string): Promise<void> {
  await nav(page, name).click()
  await expect(nav(page, name)).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0)
}

/** A real modal: focus inside and trapped, Enter on Favourite toggles it and keeps focus. */
async function expectModal(page: Page, viewer: Locator): Promise<void> {
  const inside = () => viewer.evaluate((el) => el.contains(document.activeElement))
  expect(await inside()).toBe(true)
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab')
    expect(await inside()).toBe(true)
  }
  const favourite = viewer.getByRole('button', { name: 'Favourite' })
  await favourite.focus()
  await page.keyboard.press('Enter')
  await expect(favourite).toHaveAttribute('aria-pressed', 'true')
  await expect(favourite).toBeFocused()
}

test('every screen and state is axe-clean in both themes at every size', async ({ browser }) => {
  test.setTimeout(600_000)
  const { page, close } = await open(browser, { KREV_SANDBOX_SPEED: '20' })
  const found: string[] = []
  try {
    await expect(page.getByRole('button', { name: 'Explore with the built-in sandbox' })).toBeVisible()
    found.push(...(await audit(page, 'welcome')))
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()

    await goto(page, 'Products')
    await page.getByTestId('pick-files').setInputFiles(FIXTURE)
    await expect(page.getByRole('list', { name: 'Your products' }).getByRole('listitem')).toHaveCount(1, { timeout: 30_000 })
    found.push(...(await audit(page, 'products')))
    await page.getByRole('list', { name: 'Your products' }).getByRole('button', { name: /^Open / }).click()
    await expect(page.getByRole('img', { name: 'Cut-out' })).toBeVisible()
    found.push(...(await audit(page, 'product-detail')))
    await page.getByRole('button', { name: 'All products' }).click()

    await goto(page, 'Create')
    found.push(...(await audit(page, 'create-empty')))
    await page.getByLabel('Prompt').fill('Premium leather wallet on dark marble, soft studio light')
    await page.getByRole('button', { name: 'Generate' }).click()

    await goto(page, 'Queue')
    const job = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').first()
    await expect(job.getByText('Done')).toBeVisible({ timeout: 45_000 })
    found.push(...(await audit(page, 'queue')))

    await goto(page, 'Create')
    await expect(page.getByRole('region', { name: 'Latest results' }).locator('img').first()).toBeVisible()
    found.push(...(await audit(page, 'create')))

    await goto(page, 'Library')
    const tiles = page.getByRole('list', { name: 'Results' }).getByRole('listitem')
    await expect(tiles).toHaveCount(1)
    found.push(...(await audit(page, 'library')))
    const opener = tiles.first().getByRole('button').first()
    await opener.focus()
    await page.keyboard.press('Enter')
    const viewer = page.getByRole('dialog', { name: 'Preview' })
    await expect(viewer).toBeVisible()
    found.push(...(await audit(page, 'library-viewer')))
    await expectModal(page, viewer)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(opener).toBeFocused()

    await goto(page, 'Chat')
    await page.getByLabel('Message', { exact: true }).fill('Write three ad hooks for a leather wallet')
    await page.getByRole('button', { name: 'Send message' }).click()
    const thread = page.getByRole('region', { name: 'Conversation' })
    await expect(thread.getByText(/hook/i).nth(1)).toBeVisible({ timeout: 30_000 })
    found.push(...(await audit(page, 'chat')))

    await goto(page, 'Account')
    found.push(...(await audit(page, 'account')))
    for (const [link, state] of [
      ['Settings', 'settings'],
      ['Meta conversions', 'conversions']
    ] as const) {
      await page.getByRole('link', { name: link }).click()
      await expect(page.getByRole('heading', { name: link })).toBeInViewport()
      found.push(...(await audit(page, state)))
    }
  } finally {
    await close()
    // Listed even when a later step fails, so one run shows every violation met so far.
    if (found.length) console.log(found.join('\n'))
  }
  expect(found).toEqual([])
})

test('the no-keychain notice is axe-clean in both themes', async ({ browser }) => {
  test.setTimeout(180_000)
  const { page, close } = await open(browser, { KREV_KEYCHAIN: 'off' })
  const found: string[] = []
  try {
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    await expect(page.getByText('The system keychain isn’t available')).toBeVisible()
    found.push(...(await audit(page, 'no-keychain')))
    // "How to fix" opens the explanation in a popover; Escape closes it, focus returns.
    const howTo = page.getByRole('button', { name: 'How to fix' })
    await howTo.click()
    await expect(page.getByRole('dialog', { name: 'How to fix' })).toContainText('keychain')
    found.push(...(await audit(page, 'no-keychain-how-to-fix', { sizes: [SIZES[0]] })))
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(howTo).toBeFocused()
    await page.getByRole('status').filter({ hasText: 'keychain' }).getByRole('button', { name: 'Dismiss' }).click()
    await expect(page.getByText('The system keychain isn’t available')).toHaveCount(0)
    // Once per session: another screen does not bring it back.
    await goto(page, 'Queue')
    await expect(page.getByText('The system keychain isn’t available')).toHaveCount(0)
  } finally {
    await close()
    // Listed even when a later step fails, so one run shows every violation met so far.
    if (found.length) console.log(found.join('\n'))
  }
  expect(found).toEqual([])
})
