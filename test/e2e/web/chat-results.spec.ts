import Database from 'better-sqlite3'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { removeDir, startPreview, type Preview } from '../support/preview'
import { audit } from '../support/audit'
import { expect, shoot, test } from '../support/fixtures'

// Chat results delivered: asking the agent for images makes queue jobs that download into
// the Library, linked to the conversation, and the thread shows them as thumbnails that
// open the viewer, with what they cost — also when the studio restarts mid-run.

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/product.jpg')
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })
const balance = (page: Page, credits: string) => page.getByRole('button', { name: `${credits} credits` })
const thread = (page: Page) => page.getByRole('region', { name: 'Messages' })
const thumbs = (page: Page) => thread(page).getByRole('list', { name: 'Generated media' }).last().getByRole('button')

async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(text)
  await page.getByRole('button', { name: 'Send message' }).click()
  await expect(thread(page).getByText(text)).toBeVisible()
}

/** Assets in the Library linked to the conversation through the generations its messages started. */
function linkedAssets(dataDir: string): number {
  const db = new Database(join(dataDir, 'studio.sqlite3'), { readonly: true })
  try {
    const row = db
      .prepare(
        `SELECT count(*) AS n FROM assets a JOIN chat_generations g ON g.mode = a.mode AND g.generation_id = a.generation_id`
      )
      .get() as { n: number }
    return row.n
  } finally {
    db.close()
  }
}

test('ask the agent for 2 images: 2 thumbnails, 2 linked Library assets, the credits the balance lost; again across a restart', async ({ page }, testInfo) => {
  test.setTimeout(180_000)
  let preview: Preview = await startPreview({ env: { KREV_SANDBOX_SPEED: '3' } })
  try {
    await page.goto(preview.url)
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    await nav(page, 'Products').click()
    await page.getByTestId('pick-files').setInputFiles(FIXTURE)
    await expect(page.getByRole('list', { name: 'Your products' }).getByRole('listitem')).toHaveCount(1, { timeout: 30_000 })

    await nav(page, 'Chat').click()
    await expect(balance(page, '2,500')).toBeVisible()
    // A brief with a product and a catalogue photo as reference: both show on the sent message.
    await page.getByRole('button', { name: 'Add products' }).click()
    await page.getByRole('list', { name: 'Pick products' }).getByRole('button').first().click()
    await page.getByRole('dialog', { name: 'Products for this brief' }).getByRole('button', { name: 'Done' }).click()
    await page.getByRole('button', { name: 'Add images' }).click()
    await page.getByRole('button', { name: /^Use the photo of/ }).first().click()
    await send(page, 'Make three ad concepts')
    await expect(thread(page).getByRole('list', { name: 'Attached to this message' })).toBeVisible()
    // The answer is Markdown: a numbered list of concepts.
    await expect(thread(page).locator('.md ol li')).toHaveCount(3, { timeout: 30_000 })
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await shoot(page, testInfo, `chat-markdown-${scheme}`)
    }

    await send(page, 'Generate 2 lifestyle images of concept 3')
    await expect(thumbs(page)).toHaveCount(2, { timeout: 60_000 })
    await expect(thread(page).getByText('80 credits spent')).toBeVisible()
    await expect(balance(page, '2,420')).toBeVisible()
    await expect.poll(() => thumbs(page).first().locator('img').evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0)
    for (const [w, h] of [[1440, 900], [900, 600]] as const) {
      await page.setViewportSize({ width: w, height: h })
      await thread(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
      for (const scheme of ['dark', 'light'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await shoot(page, testInfo, `chat-results-${w}x${h}-${scheme}`)
      }
    }
    // The thread with its results is axe-clean in both themes, small and large.
    expect(await audit(page, 'chat-results', { sizes: [{ width: 900, height: 600 }, { width: 1440, height: 900 }] })).toEqual([])
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.emulateMedia({ colorScheme: 'light' })
    // A thumbnail opens the viewer on that asset.
    await thumbs(page).first().click()
    await expect(page.getByRole('dialog', { name: 'Preview' })).toBeVisible()
    await shoot(page, testInfo, 'chat-results-viewer-light')
    await page.keyboard.press('Escape')

    await nav(page, 'Library').click()
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveCount(2)

    // Again, with the studio stopped in the middle of the run.
    await nav(page, 'Chat').click()
    await send(page, 'Generate 2 studio images of concept 1')
    // Any state of the run before its images are in: queued, the agent working, or generating.
    const midRun = thread(page).getByText('Queued…').or(thread(page).getByText('Krev is working on it…')).or(thread(page).getByText('Generating…'))
    await expect(midRun.first()).toBeVisible()
    preview = await preview.restart()
    await page.goto(preview.url)
    await nav(page, 'Chat').click()
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /Make three ad concepts/ }).click()
    await expect(thumbs(page)).toHaveCount(2, { timeout: 60_000 })
    await expect(thread(page).getByText('80 credits spent')).toHaveCount(2)
    await expect(balance(page, '2,340')).toBeVisible()
    await nav(page, 'Library').click()
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveCount(4)
    await preview.stop()
    expect(linkedAssets(preview.dataDir)).toBe(4)
  } finally {
    await preview.stop()
    removeDir(preview.dataDir)
  }
})
