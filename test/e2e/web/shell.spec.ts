import { expect, shoot, test } from '../support/fixtures'

const NAV = ['Products', 'Create', 'Queue', 'Library', 'Chat', 'Account']

test.describe('studio shell (web, headless studio over the loopback bridge)', () => {
  test('renders, round-trips a command and shows a pushed event', async ({ page, studio }, testInfo) => {
    await page.goto(studio.url)
    // The token travelled in the fragment and is gone from the address bar.
    await expect.poll(() => page.url()).not.toContain('bridge-token')

    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    const nav = page.getByRole('navigation', { name: 'Main' })
    for (const name of NAV) await expect(nav.getByRole('button', { name, exact: true })).toBeVisible()
    await expect(page.getByText('Built-in sandbox').first()).toBeVisible()

    const reply = await page.evaluate(() => window.krev!.invoke('app.ping', { message: 'smoke' }))
    expect(reply).toMatchObject({ ok: true, data: { message: 'smoke' } })
    // app.ping also publishes app.notice: the event crosses the bridge and reaches the UI.
    // Toasts live in the notifications region (Radix also announces them off-screen).
    const toast = page.getByRole('region', { name: /^Notifications/ }).getByRole('listitem').filter({ hasText: 'pong: smoke' })
    await expect(toast).toBeVisible()
    await toast.getByRole('button', { name: 'Dismiss' }).click()
    await expect(toast).toHaveCount(0)

    const bad = await page.evaluate(() => window.krev!.invoke('__proto__' as never, {} as never))
    expect(bad).toMatchObject({ ok: false, error: { code: 'unknown_command' } })

    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      for (const name of NAV) {
        await nav.getByRole('button', { name, exact: true }).click()
        await expect(nav.getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'page')
        await expect(page.getByRole('main')).toBeVisible()
        // Screens are lazy-loaded: wait for the real screen, not its skeleton.
        await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0)
        await shoot(page, testInfo, `${name.toLowerCase()}-${scheme}`)
      }
    }
  })

  test('welcome screen in both themes', async ({ page, studio }, testInfo) => {
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.goto(studio.url)
      await expect(page.getByRole('button', { name: 'Explore with the built-in sandbox' })).toBeVisible()
      await shoot(page, testInfo, `welcome-${scheme}`)
    }
  })

  test('the page cannot reach Node or the network by itself', async ({ page, studio }) => {
    await page.goto(studio.url)
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).waitFor()
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
    // The CSP blocks any connection that is not the page's own origin.
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('https://app.krev.ai/api/v1/credits')
        return false
      } catch {
        return true
      }
    })
    expect(blocked).toBe(true)
  })
})
