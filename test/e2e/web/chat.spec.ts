import { removeDir, startPreview } from '../support/preview'
import { expect, shoot, test } from '../support/fixtures'

// The Krev agent over the headless studio: main starts the run on the embedded sandbox,
// persists it, polls it and pushes `chat.run` events; the page only renders them.
test('brief the agent and read its answer; a Meta campaign change is refused', async ({ page }, testInfo) => {
  const preview = await startPreview({ env: { KREV_SANDBOX_SPEED: '20' } })
  try {
    await page.goto(preview.url)
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat', exact: true }).click()
    const message = page.getByLabel('Message', { exact: true })

    await message.fill('Write three ad hooks for a leather wallet')
    await page.getByRole('button', { name: 'Send message' }).click()
    const thread = page.getByRole('region', { name: 'Conversation' })
    await expect(thread.getByText('Write three ad hooks for a leather wallet')).toBeVisible()
    // The assistant's answer arrives by event once the run has finished.
    await expect(thread.getByText(/hook/i).nth(1)).toBeVisible({ timeout: 30_000 })
    await expect(page.getByRole('navigation', { name: 'Conversations' }).getByText(/Write three ad hooks/)).toBeVisible()

    await message.fill('Pause my Meta campaign and increase the budget')
    await page.getByRole('button', { name: 'Send message' }).click()
    await expect(page.getByText(/Meta campaign and account changes are not available/)).toBeVisible()

    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await shoot(page, testInfo, `chat-thread-${scheme}`)
    }
  } finally {
    await preview.stop()
    removeDir(preview.dataDir)
  }
})
