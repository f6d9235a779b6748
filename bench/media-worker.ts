// What the media worker process costs on top of the work itself: its cold start (spawn,
// load sharp, first answer), a 512 px thumbnail of a 4K JPEG in this process against the
// same call through the worker (by path, and with the bytes crossing the channel), and
// how long a call takes right after a kill -9 (the restart a creator would wait for); and
// what a 4K sandbox render costs main's event loop with the sandbox in main vs in its worker.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { MediaWorkerClient } from '../src-main/media-worker/client'
import { createImageOps } from '../src-main/media-worker/image-ops'
import { spawnNodeWorker } from '../src-main/media-worker/node-spawner'
import { productJpeg } from './fixtures'
import { sandboxRenderStalls } from './sandbox-off-main'
import { check, fmtBytes, fmtMs, LATENCY_COLUMNS, latencyCells, msSince, nowNs, sample, summarize, type Benchmark } from './lib'

const ENTRY = resolve(dirname(fileURLToPath(import.meta.url)), '../src-main/media-worker/entry.ts')
const LIMITS = { maxPixels: 100_000_000 }
const opts = { warmup: 1, iterations: 8, maxMs: 20_000, minIterations: 3 }

export const mediaWorkerBenchmark: Benchmark = {
  name: 'media-worker',
  title: 'The media worker process: start, round trip and restart',
  async run({ progress }) {
    progress('media-worker: making a 3840×2160 JPEG')
    const photo = await sharp(await productJpeg(2160)).resize(3840, 2160, { fit: 'cover' }).jpeg({ quality: 90 }).toBuffer()
    const bytes = new Uint8Array(photo)
    const dir = await mkdtemp(join(tmpdir(), 'krev-bench-worker-'))
    const path = join(dir, 'photo-4k.jpg')
    await writeFile(path, photo)
    const client = new MediaWorkerClient({ spawn: spawnNodeWorker, entryPath: ENTRY, env: { KREV_SHARP_BUILD: 'native' } })
    try {
      progress('media-worker: in process')
      const local = createImageOps(sharp)
      const inProcess = await sample(() => local.thumbnail(path, 512, LIMITS), opts)
      progress('media-worker: cold starts and restarts')
      const cold: number[] = []
      const restart: number[] = []
      for (let i = 0; i < 4; i++) {
        const t0 = nowNs()
        await client.ops.imageInfo(path, LIMITS)
        ;(i === 0 ? cold : restart).push(msSince(t0))
        process.kill(client.worker.pid as number, 'SIGKILL')
        await client.ops.imageInfo(path, LIMITS).catch(() => undefined) // the call the kill fails
      }
      progress('media-worker: through the worker')
      const byPath = await sample(() => client.ops.thumbnail(path, 512, LIMITS), opts)
      const byBytes = await sample(() => client.ops.thumbnail(bytes, 512, LIMITS), opts)
      const startStats = summarize([...cold, ...restart])
      const stalls = await sandboxRenderStalls(progress)
      return {
        tables: [
          {
            title: '3840×2160 JPEG → 512 px WebP, native sharp, in process vs through the worker (Node fork)',
            columns: ['case', ...LATENCY_COLUMNS],
            rows: [
              ['in process', ...latencyCells(inProcess)],
              ['worker, by file path', ...latencyCells(byPath)],
              [`worker, ${fmtBytes(photo.length)} of bytes over IPC`, ...latencyCells(byBytes)],
              ['worker start → first answer (cold and after kill -9)', ...latencyCells(startStats)]
            ],
            notes: [
              'The worker is the tsx-run source entry (the app runs the built one in a utilityProcess); start includes tsx, loading sharp and a header read.',
              'Start figures: 1 cold start and 3 restarts after a kill -9; the round-trip rows run on a 5th worker (the budget is 5 starts a minute).'
            ]
          },
          {
            title: 'Main’s process while the sandbox renders one HD (3840×2160) image: worst event-loop delay and CPU spent',
            columns: ['sandbox runs', 'max loop delay, median', 'max loop delay, p95', 'main CPU, median', 'render wall, median', 'n'],
            rows: [
              ['in main’s process (before)', fmtMs(stalls.inMain.delay.median), fmtMs(stalls.inMain.delay.p95), fmtMs(stalls.inMain.cpu.median), fmtMs(stalls.inMain.wall.median), String(stalls.inMain.delay.n)],
              ['in its own worker (after)', fmtMs(stalls.inWorker.delay.median), fmtMs(stalls.inWorker.delay.p95), fmtMs(stalls.inWorker.cpu.median), fmtMs(stalls.inWorker.wall.median), String(stalls.inWorker.delay.n)],
              ['nothing rendering (the machine’s noise)', fmtMs(stalls.idleDelayMs), '—', '—', fmtMs(stalls.inMain.wall.median), '1']
            ],
            notes: [
              'Loop delay: monitorEventLoopDelay’s max (5 ms resolution) from POST to succeeded; CPU: process.cpuUsage of main’s process (all its threads, libuv’s included) over the same span. Speed 1,000,000, so the render itself dominates; a warm-up render is not counted.',
              'Main keeps the HTTP client and its polls in both cases; “after” is the tsx-run worker entry under Node, native sharp.'
            ]
          }
        ],
        checks: [
          check('thumbnail through the worker (by path) within 1.5× in-process median', `${(byPath.median / inProcess.median).toFixed(2)}×`, byPath.median < inProcess.median * 1.5),
          check('worker start → first answer median < 3 s', fmtMs(startStats.median), startStats.median < 3_000),
          check(
            'main’s CPU during a 4K sandbox render in the worker ≤ 1/4 of in-process',
            `${fmtMs(stalls.inWorker.cpu.median)} vs ${fmtMs(stalls.inMain.cpu.median)}`,
            stalls.inWorker.cpu.median * 4 <= stalls.inMain.cpu.median
          )
        ]
      }
    } finally {
      client.dispose()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
