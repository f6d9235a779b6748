// sharp's native build against its WebAssembly build (@img/sharp-wasm32) on the media
// worker's real work, a 4K photo: header read, JPEG → 512 px WebP thumbnail, 3840 px WebP
// encode. The worker uses wasm inside Electron on Linux (src-main/media-worker/load-sharp.ts);
// these numbers are what that choice costs. Each build runs in its own child process.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { productJpeg } from './fixtures'
import { check, fmtBytes, fmtMs, LATENCY_COLUMNS, latencyCells, type Benchmark } from './lib'
import type { ProbeResult } from './media-probe'

const HERE = dirname(fileURLToPath(import.meta.url))
const TSX = resolve(HERE, '../node_modules/.bin/tsx')

function probe(build: 'native' | 'wasm', photoPath: string): Promise<ProbeResult> {
  return new Promise((ok, fail) => {
    execFile(
      TSX,
      [join(HERE, 'media-probe.ts'), photoPath],
      { env: { ...process.env, KREV_SHARP_BUILD: build }, windowsHide: true, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return fail(new Error(`media probe (${build}) failed: ${stderr || error.message}`))
        const result = JSON.parse(stdout.trim().split('\n').pop() ?? '') as ProbeResult
        if (result.build !== build) return fail(new Error(`asked for the ${build} build, got ${result.build}`))
        ok(result)
      }
    )
  })
}

export const mediaBenchmark: Benchmark = {
  name: 'media',
  title: 'sharp native vs WebAssembly on a 4K photo',
  async run({ progress }) {
    progress('media: making a 3840×2160 JPEG')
    const square = await productJpeg(2160)
    const photo = await sharp(square)
      .resize(3840, 2160, { fit: 'cover' })
      .jpeg({ quality: 90 })
      .toBuffer()
    const dir = await mkdtemp(join(tmpdir(), 'krev-bench-media-'))
    const results: ProbeResult[] = []
    try {
      const path = join(dir, 'photo-4k.jpg')
      await writeFile(path, photo)
      // One after the other: two at once would share the cores and blur both figures.
      for (const build of ['native', 'wasm'] as const) {
        progress(`media: ${build}`)
        results.push(await probe(build, path))
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    const [native, wasm] = results as [ProbeResult, ProbeResult]
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`
    const row = (what: string, pick: (r: ProbeResult) => ProbeResult['thumb']) =>
      results.map((r) => [`${what} — ${r.build}`, ...latencyCells(pick(r))])
    return {
      tables: [
        {
          title: 'sharp native vs WebAssembly (`@img/sharp-wasm32`), 3840×2160 JPEG, one process per build',
          columns: ['operation — build', ...LATENCY_COLUMNS],
          rows: [
            ...row('header read (`metadata()`)', (r) => r.header),
            ...row('JPEG → 512 px WebP thumbnail', (r) => r.thumb),
            ...row('JPEG → 3840 px WebP encode', (r) => r.fullWebp)
          ],
          notes: [
            `The photo: ${fmtBytes(photo.length)} JPEG (q90, packshot with grain). Thumbnail ${fmtBytes(native.thumbBytes)} (native) / ${fmtBytes(wasm.thumbBytes)} (wasm); full WebP ${fmtBytes(native.fullBytes)} / ${fmtBytes(wasm.fullBytes)}.`,
            `Loading sharp: native ${fmtMs(native.loadMs)}, wasm ${fmtMs(wasm.loadMs)} (compiling the WebAssembly module, once per worker start). libvips ${native.vips} / ${wasm.vips}.`,
            `wasm / native, median: thumbnail ${ratio(wasm.thumb.median, native.thumb.median)}, 3840 px encode ${ratio(wasm.fullWebp.median, native.fullWebp.median)}.`,
            'Both run under Node (the Electron crash cannot be reproduced without Electron). The media worker uses wasm only inside Electron on Linux, where native sharp may crash; elsewhere it keeps native.'
          ]
        }
      ],
      checks: [
        check('4K JPEG → 512 px WebP thumbnail (wasm) median < 1.5 s', fmtMs(wasm.thumb.median), wasm.thumb.median < 1_500),
        check('4K WebP encode (wasm) median < 5 s', fmtMs(wasm.fullWebp.median), wasm.fullWebp.median < 5_000)
      ]
    }
  }
}
