// Shared helpers for the benchmarks: timing with process.hrtime.bigint(), nearest-rank
// percentiles, markdown tables and target checks. Targets are documentation: a missed
// one is reported, never a failed exit.

export interface Table {
  title: string
  columns: string[]
  rows: string[][]
  notes?: string[]
}

export interface Check {
  /** What we hold ourselves to, e.g. "bridge round trip p95 < 5 ms". */
  target: string
  /** The measured value, formatted. */
  actual: string
  met: boolean
}

export interface BenchResult {
  tables: Table[]
  checks: Check[]
}

export interface BenchContext {
  /** Progress line on stderr (tables go to stdout). */
  progress(line: string): void
}

export interface Benchmark {
  /** Used by `--only`. */
  name: string
  title: string
  run(ctx: BenchContext): Promise<BenchResult>
}

export interface Stats {
  n: number
  /** All in milliseconds. */
  min: number
  median: number
  p95: number
  max: number
  mean: number
}

export const nowNs = (): bigint => process.hrtime.bigint()
export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

export function summarize(samplesMs: number[]): Stats {
  const sorted = [...samplesMs].sort((a, b) => a - b)
  const n = sorted.length
  return {
    n,
    min: sorted[0] ?? Number.NaN,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[n - 1] ?? Number.NaN,
    mean: n ? sorted.reduce((a, b) => a + b, 0) / n : Number.NaN
  }
}

export interface SampleOptions {
  /** Untimed calls first (JIT, connection pools, caches). */
  warmup: number
  /** Timed calls, at most. */
  iterations: number
  /** Stop timing once this much wall time has been spent (after `minIterations`). */
  maxMs: number
  minIterations?: number
}

/** Times sequential calls of `fn`, one sample per call. */
export async function sample(fn: () => unknown, opts: SampleOptions): Promise<Stats & { wallMs: number }> {
  for (let i = 0; i < opts.warmup; i++) await fn()
  const samples: number[] = []
  const min = Math.min(opts.iterations, opts.minIterations ?? 1)
  const started = nowNs()
  for (let i = 0; i < opts.iterations; i++) {
    const t0 = nowNs()
    await fn()
    samples.push(msSince(t0))
    if (samples.length >= min && msSince(started) > opts.maxMs) break
  }
  return { ...summarize(samples), wallMs: msSince(started) }
}

export interface ThroughputOptions {
  warmup: number
  rounds: number
  callsPerRound: number
  /** Wall-time budget for all rounds; at least one round always runs. */
  maxMs: number
}

export interface Throughput {
  /** Median over rounds of calls / round wall time. */
  opsPerSec: number
  latency: Stats
  rounds: number
}

/**
 * Several rounds of sequential calls. Each call is timed (latency), each round's wall
 * time gives ops/s (it includes the ~50 ns of the per-call clock reads).
 */
export async function throughput(fn: () => unknown, opts: ThroughputOptions): Promise<Throughput> {
  for (let i = 0; i < opts.warmup; i++) await fn()
  const samples: number[] = []
  const rates: number[] = []
  const started = nowNs()
  for (let r = 0; r < opts.rounds; r++) {
    const roundStart = nowNs()
    for (let i = 0; i < opts.callsPerRound; i++) {
      const t0 = nowNs()
      await fn()
      samples.push(Number(nowNs() - t0) / 1e6)
    }
    rates.push(opts.callsPerRound / (msSince(roundStart) / 1000))
    if (msSince(started) > opts.maxMs) break
  }
  rates.sort((a, b) => a - b)
  return { opsPerSec: percentile(rates, 50), latency: summarize(samples), rounds: rates.length }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Rejects if `promise` has not settled in `ms` (so a stuck benchmark cannot hang the run). */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

// ---- formatting ----

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export const fmtOps = (opsPerSec: number): string => grouped.format(Math.round(opsPerSec))
export const fmtMs = (ms: number): string => {
  if (ms < 1) return `${ms.toFixed(3)} ms`
  if (ms < 100) return `${ms.toFixed(2)} ms`
  return `${Math.round(ms).toLocaleString('en-US')} ms`
}
/** Microseconds for sub-millisecond values (router calls), milliseconds above. */
export const fmtUs = (ms: number): string =>
  ms >= 1 ? fmtMs(ms) : `${(ms * 1000).toFixed(ms * 1000 < 10 ? 2 : 1)} µs`
export const fmtBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`

/** A row of latency columns: median, p95, min, max, n. */
export const latencyCells = (s: Stats, fmt: (ms: number) => string = fmtMs): string[] => [
  fmt(s.median),
  fmt(s.p95),
  fmt(s.min),
  fmt(s.max),
  String(s.n)
]
export const LATENCY_COLUMNS = ['median', 'p95', 'min', 'max', 'n']

export function markdownTable(table: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|')
  const lines = [
    `| ${table.columns.map(escape).join(' | ')} |`,
    `| ${table.columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(escape).join(' | ')} |`)
  ]
  return lines.join('\n')
}

export function check(target: string, actual: string, met: boolean): Check {
  return { target, actual, met }
}
