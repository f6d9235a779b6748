// `npm run bench` — runs every benchmark (or `-- --only router,bridge`), prints a markdown
// table per benchmark and the targets, and (on a full run) writes docs/benchmarks.md.
// Speed targets live here, never in timed tests. Missed targets print MISSED lines but
// never fail the run; only a benchmark that breaks (or a hang) exits non-zero.
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { locateFfmpeg } from '../src-main/core/locate-ffmpeg'
import { bridgeBenchmark } from './bridge'
import { downloadBenchmark } from './download'
import { krevBenchmark } from './krev'
import { libraryBenchmark } from './library'
import { mediaBenchmark } from './media'
import { mediaWorkerBenchmark } from './media-worker'
import { queueBenchmark } from './queue'
import { markdownTable, msSince, nowNs, type Benchmark, type BenchResult, type Check } from './lib'
import { navigationBenchmark } from './navigation'
import { routerBenchmark } from './router'
import { uiBenchmark } from './ui'
import { uploadBenchmark } from './upload'

const BENCHMARKS: Benchmark[] = [
  routerBenchmark,
  bridgeBenchmark,
  krevBenchmark,
  uploadBenchmark,
  mediaBenchmark,
  mediaWorkerBenchmark,
  downloadBenchmark,
  libraryBenchmark,
  uiBenchmark,
  queueBenchmark,
  navigationBenchmark
]
/** The whole run must stop by itself; anything past this is a hang. */
// The library benchmark builds and rebuilds folders of up to 100k files: it needs most of this.
const WATCHDOG_MS = 15 * 60_000
const DOC = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'benchmarks.md')

const USAGE = `usage: npm run bench [-- --only ${BENCHMARKS.map((b) => b.name).join(',')}] [--write | --no-write]

  --only a,b   run a subset (docs/benchmarks.md is then left alone unless --write)
  --write      write docs/benchmarks.md even for a subset
  --no-write   never write docs/benchmarks.md`

interface Args {
  selected: Benchmark[]
  write: boolean
}

function parseArgs(argv: string[]): Args {
  let only: string[] | null = null
  let write: boolean | null = null
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE)
      process.exit(0)
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length)
      if (!value) throw new Error('--only needs a comma-separated list')
      only = value.split(',').map((s) => s.trim()).filter(Boolean)
    } else if (arg === '--write') write = true
    else if (arg === '--no-write') write = false
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`)
  }
  if (only) {
    const unknown = only.filter((name) => !BENCHMARKS.some((b) => b.name === name))
    if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`)
  }
  const selected = only ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS
  return { selected, write: write ?? only === null }
}

interface Outcome {
  bench: Benchmark
  result: BenchResult | null
  error: string | null
  seconds: number
}

async function machine(): Promise<string[]> {
  const cpus = os.cpus()
  const models = [...new Set(cpus.map((c) => c.model.trim()))].join(', ')
  const ffmpeg = locateFfmpeg()
  return [
    `- **CPU:** ${cpus.length} × ${models}${cpus[0]?.speed ? ` (${cpus[0].speed} MHz reported)` : ''}`,
    `- **Memory:** ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB total, ${(os.freemem() / 1024 ** 3).toFixed(1)} GiB free at start`,
    `- **OS:** ${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    `- **Load average at start:** ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min; other work on the machine shifts the numbers)`,
    `- **Node.js:** ${process.version} (V8 ${process.versions.v8})`,
    `- **sharp / libvips:** ${sharp.versions.sharp ?? '?'} / ${sharp.versions.vips}`,
    `- **ffmpeg:** ${ffmpeg ? 'available (@ffmpeg-installer/ffmpeg)' : 'not available: video renders skipped'}`
  ]
}

function targetsTable(outcomes: Outcome[]): string {
  const rows: string[] = []
  for (const o of outcomes) {
    for (const c of o.result?.checks ?? []) rows.push(`| ${c.target} | ${c.actual} | ${c.met ? '✅ met' : '❌ MISSED'} |`)
  }
  if (!rows.length) return '_No targets were checked in this run._'
  return ['| target | measured | result |', '| --- | ---: | --- |', ...rows].join('\n')
}

function renderDoc(outcomes: Outcome[], info: string[], startedAt: Date, totalSeconds: number): string {
  const allChecks: Check[] = outcomes.flatMap((o) => o.result?.checks ?? [])
  const missed = allChecks.filter((c) => !c.met)
  const parts: string[] = [
    '# Benchmarks',
    '',
    'Speed targets live here and in `bench/`, never in timed tests: a test asserts behaviour, a',
    'benchmark measures it. `npm run bench` runs everything (about 1–2 minutes) and rewrites this',
    'file; `npm run bench -- --only router,bridge` runs a subset and only prints (add `--write` to',
    'rewrite this file anyway). Benchmarks: ' + BENCHMARKS.map((b) => `\`${b.name}\` (${b.title})`).join(', ') + '.',
    '',
    'Method: warm-up calls first, then several timed iterations, each timed with',
    '`process.hrtime.bigint()`; median and p95 are nearest-rank. Every count and every wait is',
    'bounded, all traffic is loopback (127.0.0.1), and the run stops by itself. Missed targets',
    'print `MISSED` lines but the run still exits 0: targets are documentation.',
    '',
    '## Machine',
    '',
    ...info,
    `- **Date:** ${startedAt.toISOString()} (run took ${totalSeconds.toFixed(1)} s)`,
    '',
    '## Targets',
    '',
    'What we hold ourselves to, and whether this run met it. Why these numbers: a command or',
    'event must fit well inside one 16 ms frame so the UI never waits on plumbing; validation',
    'must be cheap enough that no caller is tempted to skip it; a loopback read must leave the',
    'real network as the only slow part; and the sandbox must render fast enough that demos and',
    'e2e runs at high speed factors are not bound by its own rendering.',
    '',
    targetsTable(outcomes),
    '',
    missed.length ? `**${missed.length} target(s) missed** on this machine.` : 'All targets were met on this machine.',
    ''
  ]
  for (const o of outcomes) {
    parts.push(`## ${o.bench.title} (\`${o.bench.name}\`)`, '')
    if (o.error || !o.result) {
      parts.push(`**The benchmark failed:** \`${o.error ?? 'no result'}\``, '')
      continue
    }
    for (const t of o.result.tables) {
      parts.push(`### ${t.title}`, '', markdownTable(t), '')
      for (const note of t.notes ?? []) parts.push(`- ${note}`)
      if (t.notes?.length) parts.push('')
    }
    parts.push(`_Took ${o.seconds.toFixed(1)} s._`, '')
  }
  return parts.join('\n')
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${WATCHDOG_MS / 1000} s; giving up`)
    process.exit(2)
  }, WATCHDOG_MS)
  watchdog.unref()

  const startedAt = new Date()
  const runStart = nowNs()
  const info = await machine()
  console.log(`# Krev Studio benchmarks — ${startedAt.toISOString()}\n`)
  console.log(info.join('\n'))
  console.log('')

  const outcomes: Outcome[] = []
  for (const bench of args.selected) {
    const t0 = nowNs()
    console.error(`▶ ${bench.name}: ${bench.title}`)
    let result: BenchResult | null = null
    let error: string | null = null
    try {
      result = await bench.run({ progress: (line) => console.error(`  · ${line}`) })
    } catch (e) {
      error = e instanceof Error ? (e.stack ?? e.message) : String(e)
    }
    const seconds = msSince(t0) / 1000
    outcomes.push({ bench, result, error, seconds })

    console.log(`## ${bench.title} (${bench.name}) — ${seconds.toFixed(1)} s\n`)
    if (error || !result) {
      console.log(`FAILED: ${bench.name}: ${error}\n`)
      continue
    }
    for (const t of result.tables) {
      console.log(`### ${t.title}\n\n${markdownTable(t)}\n`)
      for (const note of t.notes ?? []) console.log(`- ${note}`)
      if (t.notes?.length) console.log('')
    }
    for (const c of result.checks) console.log(`${c.met ? 'met   ' : 'MISSED'}: ${c.target} — measured ${c.actual}`)
    console.log('')
  }

  const totalSeconds = msSince(runStart) / 1000
  console.log(`## Targets\n\n${targetsTable(outcomes)}\n`)
  const missed = outcomes.flatMap((o) => o.result?.checks ?? []).filter((c) => !c.met)
  for (const c of missed) console.log(`MISSED: ${c.target} — measured ${c.actual}`)
  console.log(`\nbench: ${args.selected.length} benchmark(s) in ${totalSeconds.toFixed(1)} s, ${missed.length} target(s) missed`)

  if (args.write) {
    await writeFile(DOC, renderDoc(outcomes, info, startedAt, totalSeconds))
    console.log(`bench: wrote ${DOC}`)
  }
  return outcomes.some((o) => o.error) ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
    // Everything is closed by now; if some handle still lingers, do not wait for it.
    setTimeout(() => process.exit(code), 2_000).unref()
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
)
