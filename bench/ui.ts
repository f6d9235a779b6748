// The built renderer in /usr/bin/chromium against the headless studio, on seeded data:
// Library first grid paint, a scroll from top to bottom (long frames, DOM size) at 1k /
// 10k / 50k assets, and the Queue with 1,000 and 5,000 finished jobs.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startPreview } from '../test/e2e/support/preview'
import { check, fmtMs, type Benchmark, type Check } from './lib'
import { seedLibrary, seedQueue } from './seed-library'

const LIBRARY_SIZES = (process.env.KREV_BENCH_UI_SIZES ?? '1000,10000,50000').split(',').filter(Boolean).map(Number)
const QUEUE_SIZES = (process.env.KREV_BENCH_UI_QUEUE ?? '1000,5000').split(',').filter(Boolean).map(Number)
const VIEWPORT = { width: 1440, height: 900 }
/** A scroll that has not reached the end by then is reported as such. */
const SCROLL_LIMIT_MS = 90_000

// In-page scripts are strings: tsx would otherwise add helpers the page does not have.
const COUNT_CALLS = `(() => {
  const k = window.krev, invoke = k.invoke.bind(k)
  window.__calls = {}
  k.invoke = (name, input) => { window.__calls[name] = (window.__calls[name] || 0) + 1; return invoke(name, input) }
})()`

/** Click a nav button; ms until `selector` is in the DOM and the frame showing it painted. */
const navigateAndWait = (label: string, selector: string) => `new Promise((resolve) => {
  const btn = [...document.querySelectorAll('nav[aria-label="Main"] button')].find((b) => b.textContent.trim().startsWith(${JSON.stringify(label)}))
  const t0 = performance.now()
  const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
  if (document.querySelector(${JSON.stringify(selector)})) return painted()
  const obs = new MutationObserver(() => { if (document.querySelector(${JSON.stringify(selector)})) { obs.disconnect(); painted() } })
  obs.observe(document.body, { subtree: true, childList: true })
  btn.click()
})`

/** Scrolls `.screen-scroll` one viewport per frame until the end (and no page is loading). */
const scrollToEnd = (loadingSelector: string) => `new Promise((resolve) => {
  const sc = document.querySelector('.screen-scroll')
  let longTasks = 0, longTaskMax = 0, maxNodes = 0, lastPos = 0
  const po = new PerformanceObserver((l) => { for (const e of l.getEntries()) { longTasks++; longTaskMax = Math.max(longTaskMax, e.duration) } })
  try { po.observe({ type: 'longtask' }) } catch {}
  const frames = []
  const t0 = performance.now()
  let last = t0
  const step = () => {
    const now = performance.now()
    frames.push(now - last)
    last = now
    maxNodes = Math.max(maxNodes, document.getElementsByTagName('*').length)
    const tiles = document.querySelectorAll('[role="listitem"][aria-posinset]')
    const lastTile = tiles[tiles.length - 1]
    lastPos = Math.max(lastPos, Number(lastTile && lastTile.getAttribute('aria-posinset')) || 0)
    const atEnd = sc.scrollTop + sc.clientHeight >= sc.scrollHeight - 2
    if ((atEnd && !document.querySelector(${JSON.stringify(loadingSelector)})) || now - t0 > ${SCROLL_LIMIT_MS}) {
      po.disconnect()
      const over = frames.filter((f) => f > 50)
      return resolve({ ms: now - t0, reachedEnd: atEnd, frames: frames.length, over50: over.length, maxFrame: Math.max(...frames), longTasks, longTaskMax, maxNodes, lastPos, step: sc.clientHeight })
    }
    if (!atEnd) sc.scrollTop += sc.clientHeight
    requestAnimationFrame(step)
  }
  requestAnimationFrame(step)
})`

interface ScrollResult {
  ms: number
  reachedEnd: boolean
  frames: number
  over50: number
  maxFrame: number
  longTasks: number
  longTaskMax: number
  maxNodes: number
  lastPos: number
  step: number
}

const domNodes = (page: Page) => page.evaluate<number>('document.getElementsByTagName("*").length')
const libraryCalls = (page: Page) => page.evaluate<Record<string, number>>('window.__calls')

/** The studio on a seeded data dir, past the welcome screen, calls counted from here on. */
async function openStudio(browser: Browser, dataDir: string) {
  const preview = await startPreview({ dataDir })
  const page = await browser.newPage({ viewport: VIEWPORT })
  await page.goto(preview.url)
  const sandbox = page.getByRole('button', { name: 'Explore with the built-in sandbox' })
  const nav = page.getByRole('navigation', { name: 'Main' })
  await Promise.race([sandbox.waitFor(), nav.waitFor()])
  if (await sandbox.isVisible()) await sandbox.click()
  await nav.waitFor()
  await page.evaluate(COUNT_CALLS)
  return { preview, page }
}

const callsCell = (calls: Record<string, number>) =>
  Object.entries(calls)
    .filter(([name]) => name.startsWith('library.'))
    .map(([name, n]) => `${name} × ${n}`)
    .join(', ') || 'none'

export const uiBenchmark: Benchmark = {
  name: 'ui',
  title: 'Screens that scale: the virtualized Library and Queue in Chromium',
  async run({ progress }) {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
    const libraryRows: string[][] = []
    const queueRows: string[][] = []
    const checks: Check[] = []
    try {
      for (const n of LIBRARY_SIZES) {
        const dataDir = await mkdtemp(join(tmpdir(), 'krev-bench-ui-'))
        try {
          progress(`ui: seeding ${n} assets`)
          await seedLibrary(dataDir, n)
          const { preview, page } = await openStudio(browser, dataDir)
          try {
            progress(`ui: library of ${n}`)
            const first = await page.evaluate<number>(navigateAndWait('Library', '.asset-tile img'))
            await navigateAndWaitAway(page)
            const again = await page.evaluate<number>(navigateAndWait('Library', '.asset-tile img'))
            const nodesAtTop = await domNodes(page)
            const scroll = await page.evaluate<ScrollResult>(scrollToEnd('.asset-loading'))
            const calls = await libraryCalls(page)
            libraryRows.push([
              n.toLocaleString('en'), fmtMs(first), fmtMs(again),
              `${scroll.reachedEnd ? '' : 'not reached: '}${(scroll.ms / 1000).toFixed(1)} s, ${scroll.lastPos.toLocaleString('en')} tiles`,
              `${scroll.over50} of ${scroll.frames}`, fmtMs(scroll.maxFrame), `${scroll.longTasks} (max ${fmtMs(scroll.longTaskMax)})`,
              `${nodesAtTop} / ${scroll.maxNodes}`, callsCell(calls)
            ])
            if (n === Math.max(...LIBRARY_SIZES)) {
              checks.push(check(`Library of ${n.toLocaleString('en')}: grid paint after navigation (revisit) ≤ 300 ms`, fmtMs(again), again <= 300))
              checks.push(check(`Library of ${n.toLocaleString('en')}: scroll top → bottom, no frame over 50 ms`, `${scroll.over50} frames over, max ${fmtMs(scroll.maxFrame)}`, scroll.reachedEnd && scroll.over50 === 0))
            }
          } finally {
            await page.close()
            await preview.stop()
          }
        } finally {
          await rm(dataDir, { recursive: true, force: true })
        }
      }

      for (const n of QUEUE_SIZES) {
        const dataDir = await mkdtemp(join(tmpdir(), 'krev-bench-ui-'))
        try {
          progress(`ui: seeding a queue of ${n} finished jobs`)
          await seedQueue(dataDir, n, await seedLibrary(dataDir, 2 * n))
          const { preview, page } = await openStudio(browser, dataDir)
          try {
            progress(`ui: queue of ${n}`)
            const first = await page.evaluate<number>(navigateAndWait('Queue', '.job-output img'))
            const nodesAtTop = await domNodes(page)
            const scroll = await page.evaluate<ScrollResult>(scrollToEnd('.job-outputs-cell:empty'))
            const calls = await libraryCalls(page)
            queueRows.push([
              n.toLocaleString('en'), fmtMs(first), `${nodesAtTop} / ${scroll.maxNodes}`,
              `${(scroll.ms / 1000).toFixed(1)} s`, `${scroll.over50} of ${scroll.frames}`, fmtMs(scroll.maxFrame), callsCell(calls)
            ])
            if (n === Math.max(...QUEUE_SIZES)) {
              checks.push(check(`Queue of ${n.toLocaleString('en')}: no frame over 50 ms scrolling top → bottom`, fmtMs(scroll.maxFrame), scroll.maxFrame <= 50))
              const perItem = Object.entries(calls).some(([name]) => name === 'library.get')
              checks.push(check(`Queue of ${n.toLocaleString('en')}: no per-thumbnail library.get`, callsCell(calls), !perItem))
            }
          } finally {
            await page.close()
            await preview.stop()
          }
        } finally {
          await rm(dataDir, { recursive: true, force: true })
        }
      }
    } finally {
      await browser.close()
    }
    return {
      tables: [
        {
          title: `Library: justified rows, virtualized, ${VIEWPORT.width}×${VIEWPORT.height}`,
          columns: ['assets', 'grid paint (first visit)', 'grid paint (revisit)', 'scroll to the end', 'frames > 50 ms', 'max frame', 'long tasks', 'DOM nodes (top / max)', 'library calls'],
          rows: libraryRows,
          notes: [
            'Grid paint: click on "Library" → first tile in the DOM and its frame painted; the first visit includes the lazy chunk and React’s Suspense reveal.',
            'Scroll: one viewport per frame (a fast fling) until the last page has arrived; pages of 200 are asked for 12 rows ahead.'
          ]
        },
        {
          title: `Queue: finished jobs, two thumbnails each, ${VIEWPORT.width}×${VIEWPORT.height}`,
          columns: ['jobs', 'first paint with thumbnails', 'DOM nodes (top / max)', 'scroll to the end', 'frames > 50 ms', 'max frame', 'library calls (load + scroll)'],
          rows: queueRows
        }
      ],
      checks
    }
  }
}

/** Leaves the Library (for the Queue) so the next visit is a revisit. */
async function navigateAndWaitAway(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Queue/ }).click()
  await page.locator('.asset-grid').waitFor({ state: 'detached' })
}
