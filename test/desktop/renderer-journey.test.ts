// The built renderer from file:// in Debian's Chromium, against the booted production main
// process: the built preload runs in the page, its ipcRenderer.invoke reaches the app's
// real ipcMain handler as the window's main frame at the page's URL (so the sender check
// is the real one), and main's sends come back to the page's listeners.
// Screenshots land in test-results/desktop/.
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INVOKE_CHANNEL } from '../../src-preload/channels'
import { bootApp, type BootedApp } from './harness/booted-app'
import { DELIVER_FN, INVOKE_BINDING, pagePreloadScript } from './harness/page-preload'
import { runStudioJourney } from '../support/studio-journey'

const ROOT = resolve(import.meta.dirname, '../..')
const SHOTS = resolve(ROOT, 'test-results/desktop')
const PAGE = pathToFileURL(resolve(ROOT, 'out/renderer/index.html')).href

let booted: BootedApp
let browser: Browser
let page: Page
const mediaRequests: Array<{ url: string; status: number }> = []
const FIXTURE = resolve(ROOT, 'test/fixtures/product.jpg')

beforeAll(async () => {
  // The embedded sandbox at 20× so a generation finishes in seconds.
  booted = await bootApp({ KREV_SANDBOX_SPEED: '20' })
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--allow-file-access-from-files']
  })
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.exposeBinding(INVOKE_BINDING, ({ frame }, channel: string, name: string, input: unknown) => {
    if (channel !== INVOKE_CHANNEL) throw new Error(`No handler registered for '${channel}'`)
    // A subframe has no preload in Electron's sandbox by default: only the top frame calls.
    if (frame !== page.mainFrame()) throw new Error('invoke from a subframe')
    return booted.request({ op: 'invoke-at', url: frame.url(), name, input })
  })
  booted.onDeliver((channel, args) => {
    void page.evaluate(([fn, c, a]) => (window as unknown as Record<string, (c: unknown, a: unknown) => void>)[fn as string]!(c, a), [DELIVER_FN, channel, args] as const).catch(() => undefined)
  })
  // Chromium knows nothing of krev-media:, so the page's requests go to the app's real
  // protocol handler in the booted main process, bytes and status as it answered.
  await page.route(/^krev-media:/, async (route) => {
    const reply = await booted.request<{ status: number; body: Uint8Array; type: string | null }>({ op: 'protocol', url: route.request().url() })
    mediaRequests.push({ url: route.request().url(), status: reply.status })
    await route.fulfill({ status: reply.status, body: Buffer.from(reply.body), headers: reply.type ? { 'content-type': reply.type } : {} })
  })
  await page.addInitScript(pagePreloadScript(resolve(ROOT, 'out/preload/index.cjs')))
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  booted?.dispose()
})

async function shoot(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
    await page.screenshot({ path: resolve(SHOTS, `${name}-${scheme}.png`) })
  }
}

describe('renderer journey against the booted production main process', () => {
  it('first run → built-in sandbox → products → create → queue → library', async () => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(PAGE)
    // The same journey the Playwright Electron project runs in real Electron.
    await runStudioJourney(page, {
      productPhoto: FIXTURE,
      mediaUrl: /^krev-media:\/\/media\/sandbox\/products\/[0-9a-f-]{36}\/thumb$/,
      shoot
    })
    // Every image came through the app's real protocol handler, and answered well.
    expect(mediaRequests.some((r) => r.url.includes('/products/'))).toBe(true)
    expect(mediaRequests.some((r) => r.url.includes('/library/'))).toBe(true)
    expect(mediaRequests.every((r) => r.status === 200 || r.status === 206)).toBe(true)
    expect(errors).toEqual([])
    const state = await booted.request<{ violations: string[]; forks: Array<{ modulePath: string; serviceName: string }> }>({ op: 'state' })
    expect(state.violations).toEqual([])
    // The sandbox rendered in its own utility process, and images were decoded in the media one.
    const forked = state.forks.map((f) => [f.modulePath.replace(/^.*[\\/]/, ''), f.serviceName])
    expect(forked).toContainEqual(['sandbox-worker.js', 'Krev Studio sandbox'])
    expect(forked).toContainEqual(['media-worker.js', 'Krev Studio media'])
  })
})
