// Ad-hoc profiler (not part of `npm run bench`): seeds a library, scrolls it in Chromium like
// bench/ui.ts does, with the CDP sampling profiler on, and prints the top self-time functions.
//   KREV_PROFILE_N=100000 KREV_PROFILE_MS=30000 KREV_PROFILE_SCREEN=Library npx tsx bench/profile-ui.ts
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startPreview } from '../test/e2e/support/preview'
import { seedLibrary, seedQueue } from './seed-library'

const N = Number(process.env.KREV_PROFILE_N ?? 10000)
const MS = Number(process.env.KREV_PROFILE_MS ?? 30000)
const SCREEN = process.env.KREV_PROFILE_SCREEN ?? 'Library'

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number; children?: number[] }

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'krev-prof-'))
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  try {
    if (SCREEN === 'Queue') await seedQueue(dataDir, N, await seedLibrary(dataDir, 2 * N))
    else await seedLibrary(dataDir, N)
    const preview = await startPreview({ dataDir })
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: Boolean(process.env.KREV_PROFILE_CSS) })
    await page.goto(preview.url)
    const sandbox = page.getByRole('button', { name: 'Explore with the built-in sandbox' })
    const nav = page.getByRole('navigation', { name: 'Main' })
    await Promise.race([sandbox.waitFor(), nav.waitFor()])
    if (await sandbox.isVisible()) await sandbox.click()
    await nav.getByRole('button', { name: new RegExp(`^${SCREEN}`) }).click()
    await page.locator(SCREEN === 'Queue' ? '.job-output img' : '.asset-tile img').first().waitFor()
    if (process.env.KREV_PROFILE_CSS) await page.addStyleTag({ content: process.env.KREV_PROFILE_CSS })
    if (process.env.KREV_PROFILE_JS) await page.evaluate(process.env.KREV_PROFILE_JS)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
    await cdp.send('Profiler.start')
    const TRACE = process.env.KREV_PROFILE_TRACE === '1'
    if (TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] })
    const loading = SCREEN === 'Queue' ? '.job-outputs-cell:empty' : '.asset-loading'
    const res = await page.evaluate(`new Promise((resolve) => {
      const sc = document.querySelector('.screen-scroll'); const frames = []; const t0 = performance.now(); let last = t0
      const step = () => { const now = performance.now(); frames.push(now - last); last = now
        const atEnd = sc.scrollTop + sc.clientHeight >= sc.scrollHeight - 2
        if ((atEnd && !document.querySelector(${JSON.stringify(loading)})) || now - t0 > ${MS}) {
          const tiles = document.querySelectorAll('[role="listitem"][aria-posinset]')
          return resolve({ ms: now - t0, atEnd, frames: frames.length, over50: frames.filter((f) => f > 50).length, max: Math.max(...frames), lastPos: tiles.length ? tiles[tiles.length-1].getAttribute('aria-posinset') : null }) }
        if (!atEnd) sc.scrollTop += sc.clientHeight
        requestAnimationFrame(step) }
      requestAnimationFrame(step) })`)
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] } }
    await writeFile(`/tmp/krev-${SCREEN}-${N}.cpuprofile`, JSON.stringify(profile))
    if (TRACE) {
      const buf = await browser.stopTracing()
      await writeFile(`/tmp/krev-${SCREEN}-${N}.trace.json`, buf)
      const { traceEvents } = JSON.parse(buf.toString()) as { traceEvents: { name: string; ph: string; dur?: number; tid: number; pid: number; args?: { name?: string } }[] }
      const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      const byName = new Map<string, [number, number, number]>()
      for (const e of traceEvents) {
        if (!main || e.tid !== main.tid || e.pid !== main.pid || e.ph !== 'X' || !e.dur) continue
        const v = byName.get(e.name) ?? [0, 0, 0]
        v[0] += e.dur / 1000; v[1]++; v[2] = Math.max(v[2], e.dur / 1000)
        byName.set(e.name, v)
      }
      console.log('trace, main thread, inclusive ms by event (count, max):')
      for (const [k, v] of [...byName].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) console.log(`${v[0].toFixed(0).padStart(7)} ms  ×${String(v[1]).padStart(6)}  max ${v[2].toFixed(1)}  ${k}`)
    }
    console.log(JSON.stringify(res))
    // self time per node from samples/timeDeltas
    const self = new Map<number, number>()
    for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0))
    const byFn = new Map<string, number>()
    let total = 0
    for (const n of profile.nodes) {
      const t = (self.get(n.id) ?? 0) / 1000
      total += t
      const f = n.callFrame
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
      byFn.set(key, (byFn.get(key) ?? 0) + t)
    }
    console.log(`total sampled ${total.toFixed(0)} ms`)
    for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${v.toFixed(0).padStart(7)} ms  ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`)
    await page.close()
    await preview.stop()
  } finally {
    await browser.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1) })
