// Router dispatch: the cost every IPC and bridge call pays before and after its handler
// (contract validation of the input, the handler, validation of the output).
import { randomUUID } from 'node:crypto'
import { commands, type CommandArgs, type Envelope, type Job } from '../src-preload/contract'
import { createRouter } from '../src-main/ipc/router'
import { toJob } from '../src-main/queue/job-model'
import { newJob } from '../src-main/queue/job-transitions'
import {
  check,
  fmtOps,
  fmtUs,
  LATENCY_COLUMNS,
  latencyCells,
  throughput,
  type Benchmark,
  type Check,
  type Table,
  type Throughput
} from './lib'
import { withUnusedHandlers } from '../test/support/handlers'

const ctx = { transport: 'test' } as const

/** A complete image request, every optional field set: the widest thing the renderer submits. */
export const FULL_IMAGE_REQUEST = {
  kind: 'image',
  params: {
    prompt:
      'A matte black insulated water bottle on a wet slate surface at dawn, soft rim light, shallow depth of field, ' +
      'condensation droplets, muted teal and amber palette, editorial product photography',
    aspectRatio: '16:9',
    productIds: Array.from({ length: 4 }, () => randomUUID()),
    presetId: 'studio-soft',
    hd: true,
    imageCount: 4,
    referenceImages: [
      'http://127.0.0.1:5173/storage/u/ref-1.webp?sig=abcdef0123456789',
      'http://127.0.0.1:5173/storage/u/ref-2.webp?sig=abcdef0123456789'
    ]
  }
} as const

/** The job the queue makes for `request` (job-transitions.ts), as the contract carries it. */
const jobFor = (request: CommandArgs<'generation.submit'>): Job => toJob(newJob(request, 'sandbox', new Date().toISOString(), false))

function expectCode(reply: Envelope<unknown>, code: string | null, what: string): void {
  const got = reply.ok ? null : reply.error.code
  if (got !== code) throw new Error(`${what}: expected ${code ?? 'ok'}, got ${got ?? 'ok'}`)
}

export const routerBenchmark: Benchmark = {
  name: 'router',
  title: 'Router dispatch',
  async run({ progress }) {
    const router = createRouter(
      withUnusedHandlers({
        'app.ping': async ({ message }) => ({ message, at: new Date().toISOString() }),
        'generation.submit': async (request) => jobFor(request)
      }),
      {
        onInternalError: (name, error) => {
          throw new Error(`router reported an internal error for ${name}: ${String(error)}`)
        }
      }
    )
    const huge = 'x'.repeat(10 * 1024 * 1024)
    const submitInput = commands['generation.submit'].input

    // Each case is checked once before it is timed: a benchmark of the wrong path is worthless.
    expectCode(await router.dispatch('app.ping', { message: 'hello' }, ctx), null, 'valid ping')
    expectCode(await router.dispatch('app.ping', { message: huge }, ctx), 'invalid_input', '10 MB ping')
    expectCode(await router.dispatch('app.nope', {}, ctx), 'unknown_command', 'unknown command')
    expectCode(await router.dispatch('generation.submit', FULL_IMAGE_REQUEST, ctx), null, 'generation.submit')
    if (!submitInput.safeParse(FULL_IMAGE_REQUEST).success) throw new Error('the full image request does not parse')

    const opts = { warmup: 5_000, rounds: 5, callsPerRound: 20_000, maxMs: 2_500 }
    const cases: Array<[string, () => unknown]> = [
      ['`app.ping`, valid input', () => router.dispatch('app.ping', { message: 'hello' }, ctx)],
      ['`app.ping`, invalid input (10 MB string)', () => router.dispatch('app.ping', { message: huge }, ctx)],
      ['unknown command', () => router.dispatch('app.nope', {}, ctx)],
      ['`generation.submit` input: zod parse of a full image request', () => submitInput.safeParse(FULL_IMAGE_REQUEST)],
      ['`generation.submit` dispatch (input + output validation)', () => router.dispatch('generation.submit', FULL_IMAGE_REQUEST, ctx)]
    ]
    const results: Throughput[] = []
    for (const [label, fn] of cases) {
      progress(`router: ${label}`)
      results.push(await throughput(fn, opts))
    }

    const table: Table = {
      title: 'Router dispatch (`createRouter`, in process): throughput and per-call latency',
      columns: ['case', 'ops/s', ...LATENCY_COLUMNS],
      rows: cases.map(([label], i) => [label, fmtOps(results[i].opsPerSec), ...latencyCells(results[i].latency, fmtUs)]),
      notes: [
        `${opts.rounds} rounds of up to ${opts.callsPerRound.toLocaleString('en-US')} sequential awaited calls after ${opts.warmup.toLocaleString('en-US')} warm-up calls; ops/s is the median round.`,
        'The 10 MB string is built once; the router must refuse it by its length cap, without copying or scanning it.'
      ]
    }

    const [ping, hugePing, unknown, parse] = results
    const checks: Check[] = [
      check('router `app.ping` dispatch > 50,000 ops/s', `${fmtOps(ping.opsPerSec)} ops/s`, ping.opsPerSec > 50_000),
      check(
        '`generation.submit` validation of a full image request > 50,000 ops/s',
        `${fmtOps(parse.opsPerSec)} ops/s`,
        parse.opsPerSec > 50_000
      ),
      check('10 MB invalid input refused, p95 < 1 ms', fmtUs(hugePing.latency.p95), hugePing.latency.p95 < 1),
      check('unknown command refused > 50,000 ops/s', `${fmtOps(unknown.opsPerSec)} ops/s`, unknown.opsPerSec > 50_000)
    ]
    return { tables: [table], checks }
  }
}
