import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'

// One audit of one screen state: axe-core in both themes at every window size the studio
// supports, with a screenshot of each (CI keeps test-results/ as the run's artifacts).

export const SCREEN_DIR = resolve(import.meta.dirname, '../../../test-results/screens')
export const SIZES = [
  { width: 900, height: 600 },
  { width: 1440, height: 900 },
  { width: 2560, height: 1440 }
] as const
export const THEMES = ['light', 'dark'] as const

/** Waits for the new window size, two frames and colour transitions to settle. */
async function settle(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.waitForFunction(
    ({ width, height }) =>
      window.innerWidth === width &&
      window.innerHeight === height &&
      document.getAnimations().every((a) => a.playState !== 'running'),
    size
  )
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
}

/**
 * Runs axe on `state` in both themes at every size and saves the screenshots; returns a
 * line per violation (rule, impact, the elements) so one run lists everything wrong.
 */
export async function audit(
  page: Page,
  state: string,
  opts: { sizes?: ReadonlyArray<{ width: number; height: number }> } = {}
): Promise<string[]> {
  mkdirSync(SCREEN_DIR, { recursive: true })
  const found: string[] = []
  const viewport = page.viewportSize()
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
    for (const size of opts.sizes ?? SIZES) {
      await page.setViewportSize(size)
      await settle(page, size)
      await page.screenshot({ path: resolve(SCREEN_DIR, `${state}-${theme}-${size.width}x${size.height}.png`) })
      const { violations } = await new AxeBuilder({ page }).analyze()
      for (const v of violations) {
        const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')
        found.push(`${state} ${theme} ${size.width}x${size.height}: ${v.id} (${v.impact}) ${where} — ${v.nodes[0]?.failureSummary ?? ''}`)
      }
    }
  }
  if (viewport) await page.setViewportSize(viewport)
  return found
}
