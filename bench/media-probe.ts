// Child process of bench/media.ts: times one sharp build (KREV_SHARP_BUILD=native|wasm)
// on a 4K JPEG whose path is argv[2], and prints one JSON line. A separate process per
// build because a process can hold only one sharp.
import { readFile } from 'node:fs/promises'
import { loadSharp } from '../src-main/media-worker/load-sharp'
import { msSince, nowNs, sample, type Stats } from './lib'

export interface ProbeResult {
  build: string
  vips: string
  loadMs: number
  header: Stats
  thumb: Stats
  fullWebp: Stats
  thumbBytes: number
  fullBytes: number
}

const photo = await readFile(process.argv[2] as string)
const t0 = nowNs()
const { sharp, build } = loadSharp()
const loadMs = msSince(t0)
let thumbBytes = 0
let fullBytes = 0
const opts = { warmup: 1, iterations: 8, maxMs: 25_000, minIterations: 3 }
const header = await sample(() => sharp(photo).metadata(), { ...opts, iterations: 20 })
// The library/product thumbnail: decode, orient, 512 px long side, WebP q80.
const thumb = await sample(async () => {
  thumbBytes = (
    await sharp(photo).rotate().resize(512, 512, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer()
  ).length
}, opts)
// A full-size sandbox render's encode: 3840 px WebP.
const fullWebp = await sample(async () => {
  fullBytes = (await sharp(photo).webp({ quality: 82 }).toBuffer()).length
}, { ...opts, iterations: 5 })
const result: ProbeResult = { build, vips: sharp.versions.vips, loadMs, header, thumb, fullWebp, thumbBytes, fullBytes }
console.log(JSON.stringify(result))
