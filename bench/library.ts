// The library at 1k / 10k / 50k / 100k assets, made the way a creator would bring one in:
// a folder of tiny images with their .krev.json sidecars (generation time not counted)
// read by "Rebuild library from folder". Then, in a fresh process per size (so RSS is the
// studio's, not the generator's): database open + first page, prompt search, and a
// favourite toggle with the bytes it writes (WAL growth after a truncating checkpoint).
// The measuring runs in a child process (this file with --probe) started by the bench.
import { execFile } from 'node:child_process'
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { openDatabase } from '../src-main/db/database'
import { MIGRATIONS } from '../src-main/db/migrations/index'
import { createLibraryService } from '../src-main/library/library-service'
import { assetBaseName, monthOf, sidecarNameFor } from '../src-main/library/library-names'
import { SIDECAR_FORMAT, SIDECAR_VERSION } from '../src-main/library/sidecar'
import { createMediaStore } from '../src-main/media/media-store'
import { mediaUrlFactory } from '../src-main/media/media-url'
import { check, fmtBytes, fmtMs, msSince, nowNs, summarize, type Benchmark, type Check } from './lib'

const SIZES = (process.env['KREV_BENCH_LIBRARY_SIZES'] ?? '1000,10000,50000,100000').split(',').map(Number)
const WORDS = ('leather wallet marble sneakers canvas tote bottle thermos linen studio sunlight shadow golden hour velvet ' +
  'ceramic mug espresso minimal pastel neon beach summer winter autumn spring forest urban rooftop kitchen table ' +
  'hands model portrait flatlay macro texture bamboo glass amber citrus mint lavender charcoal denim silk wool ' +
  'gradient splash floating levitating reflection mirror water ice smoke confetti ribbon gift holiday sale bold').split(' ')
const here = dirname(fileURLToPath(import.meta.url))
const run = promisify(execFile)

/** A deterministic word picker, so every run builds the same library. */
function words(seed: number, count: number): string[] {
  let x = seed * 2654435761 + 1
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2147483648
    return WORDS[x % WORDS.length] as string
  })
}

/** Adds assets [from, to) to the folder: a copy of one tiny PNG and a sidecar each. */
export function generate(root: string, png: Buffer, from: number, to: number): void {
  const made = new Set<string>()
  for (let n = from; n < to; n++) {
    const id = `bench${n.toString(36).padStart(8, '0')}`
    const createdAt = new Date(Date.UTC(2024, 0, 1) + n * 600_000).toISOString()
    const prompt = words(n, 8).join(' ')
    const product = `Product ${n % 40}`
    const base = assetBaseName({ id, createdAt, prompt, productName: product }, 'png')
    const month = monthOf(createdAt)
    if (!made.has(month)) {
      mkdirSync(join(root, month), { recursive: true })
      made.add(month)
    }
    writeFileSync(join(root, month, `${base}.png`), png)
    const sidecar = {
      format: SIDECAR_FORMAT,
      version: SIDECAR_VERSION,
      id,
      file: `${base}.png`,
      kind: n % 10 === 0 ? 'ad' : 'image',
      prompt,
      request: { kind: 'image', params: { prompt, aspectRatio: '1:1', count: 1, productIds: [`p${n % 40}`] } },
      products: [{ id: `p${n % 40}`, name: product }],
      generationId: `gen_${id}`,
      jobId: `job_${id}`,
      adCopy: null,
      credits: 4,
      createdAt,
      completedAt: createdAt,
      appVersion: '0.1.0',
      aspectRatio: '1:1',
      width: 8,
      height: 8,
      bytes: png.length,
      mimeType: 'image/png',
      favorite: n % 13 === 0,
      rating: n % 6,
      tags: n % 5 === 0 ? ['hero'] : [],
      approval: 'none'
    }
    writeFileSync(join(root, month, sidecarNameFor(base)), JSON.stringify(sidecar, null, 2))
  }
}

function openLibrary(dataDir: string, libraryDir: string) {
  const opened = openDatabase(join(dataDir, 'studio.sqlite3'), { migrations: MIGRATIONS })
  const library = createLibraryService({
    db: opened.db,
    dataDir,
    libraryDir: () => libraryDir,
    media: createMediaStore(dataDir),
    mediaUrl: mediaUrlFactory('krev-media://media'),
    host: { reveal: () => false, chooseExportFolder: async () => null },
    mode: () => 'krev',
    emitAdded: () => undefined,
    emitChanged: () => undefined,
    ffmpegPath: null
  })
  return { db: opened.db, library }
}

/** In the child: one measurement, printed as JSON on the last line. */
async function probe(kind: string, dataDir: string, libraryDir: string): Promise<unknown> {
  if (kind === 'rebuild') {
    const t0 = nowNs()
    const { library, db } = openLibrary(dataDir, libraryDir)
    const out = await library.rebuild()
    const ms = msSince(t0)
    db.close()
    return { ms, total: out.total, maxRssMB: process.resourceUsage().maxRSS / 1024 }
  }
  const t0 = nowNs()
  const { library, db } = openLibrary(dataDir, libraryDir)
  const first = await library.list({ sort: 'newest', limit: 60 })
  const openMs = msSince(t0)
  const searches: number[] = []
  for (let i = 0; i < 60; i++) {
    const [a, b] = words(i + 7, 2) as [string, string]
    const text = i % 3 === 0 ? `${a} ${b.slice(0, 3)}` : a.slice(0, 2 + (i % 4))
    const s0 = nowNs()
    await library.list({ sort: 'newest', limit: 60, search: text })
    searches.push(msSince(s0))
  }
  const toggles: number[] = []
  const walBytes: number[] = []
  const wal = join(dataDir, 'studio.sqlite3-wal')
  for (let i = 0; i < 30; i++) {
    db.pragma('wal_checkpoint(TRUNCATE)')
    const id = first.items[i % first.items.length]!.id
    const s0 = nowNs()
    await library.update({ ids: [id], favorite: i % 2 === 0 })
    toggles.push(msSince(s0))
    walBytes.push(statSync(wal).size)
  }
  await library.idle()
  global.gc?.()
  const rssMB = process.memoryUsage().rss / 1024 / 1024
  db.close()
  return { openMs, total: first.total, searches, toggles, walBytes: Math.max(...walBytes), rssMB }
}

async function child<T>(kind: string, dataDir: string, libraryDir: string): Promise<T> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'library.ts'), '--probe', kind, dataDir, libraryDir], {
    maxBuffer: 16 * 1024 * 1024,
    timeout: 240_000
  })
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as T
}

interface StudioFigures {
  openMs: number
  total: number
  searches: number[]
  toggles: number[]
  walBytes: number
  rssMB: number
}

export const libraryBenchmark: Benchmark = {
  name: 'library',
  title: 'The library at 1k–100k assets: rebuild from folder, open, search, favourite',
  async run({ progress }) {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#884422' } }).png().toBuffer()
    const work = await mkdtemp(join(tmpdir(), 'krev-bench-library-'))
    const root = join(work, 'Krev Studio')
    const rows: string[][] = []
    const checks: Check[] = []
    try {
      let made = 0
      for (const size of SIZES) {
        progress(`library: generating ${size.toLocaleString()} files + sidecars`)
        generate(root, png, made, size)
        made = size
        const dataDir = await mkdtemp(join(work, `data-${size}-`))
        progress(`library: rebuilding ${size.toLocaleString()}`)
        const rebuilt = await child<{ ms: number; total: number; maxRssMB: number }>('rebuild', dataDir, root)
        if (rebuilt.total !== size) throw new Error(`rebuild found ${rebuilt.total} of ${size}`)
        progress(`library: studio figures at ${size.toLocaleString()}`)
        const s = await child<StudioFigures>('studio', dataDir, root)
        const search = summarize(s.searches)
        const toggle = summarize(s.toggles)
        rows.push([
          size.toLocaleString('en-US'),
          `${(rebuilt.ms / 1000).toFixed(1)} s (${Math.round(rebuilt.maxRssMB)} MB peak)`,
          fmtMs(s.openMs),
          `${fmtMs(search.median)} / ${fmtMs(search.p95)}`,
          `${fmtMs(toggle.median)} / ${fmtMs(toggle.p95)}`,
          fmtBytes(s.walBytes),
          `${Math.round(s.rssMB)} MB`
        ])
        if (size === Math.max(...SIZES)) {
          const at = `at ${size.toLocaleString('en-US')}`
          checks.push(check(`library rebuild from folder ${at} ≤ 60 s`, `${(rebuilt.ms / 1000).toFixed(1)} s`, rebuilt.ms <= 60_000))
          checks.push(check(`library search p95 (main side) ${at} ≤ 30 ms`, fmtMs(search.p95), search.p95 <= 30))
          checks.push(check(`favourite toggle ${at} ≤ 5 ms`, fmtMs(toggle.p95), toggle.p95 <= 5))
          checks.push(check(`favourite toggle ${at} ≤ 64 KB written`, fmtBytes(s.walBytes), s.walBytes <= 64 * 1024))
          checks.push(check(`main RSS with the library open ${at} ≤ 250 MB`, `${Math.round(s.rssMB)} MB`, s.rssMB <= 250))
        }
        await rm(dataDir, { recursive: true, force: true })
      }
    } finally {
      await rm(work, { recursive: true, force: true })
    }
    return {
      tables: [
        {
          title: 'Library folder → index, then the studio side (each figure in a fresh process)',
          columns: ['assets', 'rebuild from folder', 'DB open + first page', 'search median / p95', 'favourite toggle median / p95', 'bytes written per toggle (WAL)', 'main RSS'],
          rows,
          notes: [
            'Files are 8×8 PNGs with a full sidecar each, in month folders; generating them is not timed. The rebuild reads every sidecar (no image decoding: sidecars carry the size).',
            '"DB open + first page" is a cold process opening the database, checking the folder mtimes and answering `library.list` (60 items); search is `library.list` with a 2–6 letter prefix or two words, service side (IPC and render are the renderer’s part).',
            'A toggle is `library.update` (one row); bytes written are the WAL after a truncating checkpoint, the sidecar rewrite (about 1 KB, after the answer) not included. RSS is after GC.'
          ]
        }
      ],
      checks
    }
  }
}

if (process.argv[2] === '--probe') {
  const [, , , kind, dataDir, libraryDir] = process.argv
  probe(kind as string, dataDir as string, libraryDir as string).then(
    (out) => {
      process.stdout.write(`${JSON.stringify(out)}\n`)
      process.exit(0)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    }
  )
}
