// The queue with 5,000 jobs (issue 9 item 6): studio queue load, one job state save,
// `queue.list`, and main-process RSS, with the ledger as it was (one JSON file per job)
// and as it is (the SQLite database). Each case runs in a fresh Node process so its load
// is a cold start and its RSS is its own; the JSON case uses the old store's own format
// and parse (queue-import.ts reads those files exactly as the old store's `load` did).
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { GenerationRequest } from '../src-preload/contract'
import { writeJsonAtomic } from '../src-main/core/atomic-file'
import { createJobsRepo } from '../src-main/db/jobs-repo'
import { sharedStudioDatabase } from '../src-main/db/studio-database'
import type { LibraryService } from '../src-main/library/library-service'
import type { StoredJob } from '../src-main/queue/job-model'
import { createJobStore, type JobStore } from '../src-main/queue/job-store'
import { newJob } from '../src-main/queue/job-transitions'
import { createPauseStore } from '../src-main/queue/pause-store'
import { legacyJobsDir, readLegacyJobFiles } from '../src-main/queue/queue-import'
import { createQueueService } from '../src-main/queue/queue-service'
import { createObservableLimiter } from '../src-main/queue/shared-limiter'
import { DEFAULT_POLL_TIMING } from '../src-main/queue/generation-poller'
import { FULL_IMAGE_REQUEST } from './router'
import { check, fmtBytes, fmtMs, LATENCY_COLUMNS, latencyCells, msSince, nowNs, summarize, type Benchmark, type Stats, within } from './lib'

const JOBS = 5_000
const SAVES = 200
const LISTS = 20
const SELF = fileURLToPath(import.meta.url)
type Case = 'json' | 'sqlite' | 'import'

interface CaseResult {
  loadMs: number
  firstListMs: number
  list: Stats
  save: Stats
  rssBefore: number
  rssAfter: number
}

function jobs(): StoredJob[] {
  const t0 = Date.parse('2026-03-01T10:00:00.000Z')
  return Array.from({ length: JOBS }, (_, i) => {
    const at = new Date(t0 + i * 1000).toISOString()
    const j = newJob(structuredClone(FULL_IMAGE_REQUEST) as unknown as GenerationRequest, 'sandbox', at, false)
    // Finished, as a long-used queue is: nothing to resume, so load is the ledger alone.
    return { ...j, status: 'succeeded', progress: 100, generationId: j.id, creditsUsed: 160, assetIds: [0, 1, 2, 3].map((n) => `${j.id}-${n}`), outputUrls: [0, 1, 2, 3].map((n) => `http://127.0.0.1:5173/storage/out/${j.id}/${n}.png?sig=0123456789abcdef`), sentAt: at }
  })
}

/** The old store, as far as a load and a save go: one atomic JSON file per job. */
function jsonStore(dataDir: string): JobStore {
  const dir = (mode: StoredJob['mode']) => legacyJobsDir(dataDir, mode)
  return {
    dir,
    load: async (mode) => ((await readLegacyJobFiles(dir(mode), mode, () => undefined)) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    save: (j) => writeJsonAtomic(join(dir(j.mode), `${j.id}.json`), { format: 1, job: j }),
    saveSync: () => {
      throw new Error('the JSON store had no synchronous save')
    },
    remove: async () => undefined,
    finished: () => [],
    flush: async () => undefined
  }
}

/** In the child: a cold queue service on `dataDir`, timed. */
async function runCase(kind: Case, dataDir: string): Promise<CaseResult> {
  const rssBefore = process.memoryUsage().rss
  // Timed from here: opening the database (and migrating, importing) is part of a cold load.
  const t0 = nowNs()
  const store = kind === 'json' ? jsonStore(dataDir) : createJobStore(dataDir)
  const service = createQueueService({
    connection: { mode: () => 'sandbox', client: () => Promise.reject(new Error('offline bench')), reportOnline: () => undefined, onChange: () => () => undefined },
    store,
    pauseStore: kind === 'json' ? { load: async () => false, save: async () => undefined, flush: async () => undefined } : createPauseStore(dataDir),
    library: { sweep: async () => undefined } as unknown as LibraryService,
    stagingDir: () => join(dataDir, 'staging'),
    transaction: (fn) => fn(),
    limiter: createObservableLimiter(),
    concurrency: () => ({ poll: 4, download: 3 }),
    emitJob: () => undefined,
    emitRemoved: () => undefined,
    emitState: () => undefined,
    emitProgress: () => undefined,
    onCreditsMaybeChanged: () => undefined,
    balance: { cached: () => null, fresh: () => Promise.reject(new Error('offline bench')) },
    sleep: () => Promise.resolve(),
    timing: DEFAULT_POLL_TIMING,
    now: Date.now
  })
  await service.start()
  const loadMs = msSince(t0)
  const t1 = nowNs()
  const first = await service.list()
  const firstListMs = msSince(t1)
  if (first.jobs.length !== JOBS) throw new Error(`${kind}: loaded ${first.jobs.length} of ${JOBS} jobs`)
  const lists: number[] = []
  for (let i = 0; i < LISTS; i++) {
    const t = nowNs()
    await service.list()
    lists.push(msSince(t))
  }
  const one = (await store.load('sandbox'))[JOBS - 1]!
  const saves: number[] = []
  for (let i = 0; i < SAVES; i++) {
    const t = nowNs()
    await store.save({ ...one, progress: i % 100, updatedAt: new Date().toISOString() })
    saves.push(msSince(t))
  }
  service.dispose()
  return { loadMs, firstListMs, list: summarize(lists), save: summarize(saves), rssBefore, rssAfter: process.memoryUsage().rss }
}

function inChild(kind: Case, dataDir: string): Promise<CaseResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--queue-case', kind, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  return within(
    new Promise((ok, fail) => child.once('exit', (code) => (code === 0 ? ok(JSON.parse(out.trim().split('\n').at(-1)!) as CaseResult) : fail(new Error(`${kind} case exited ${code}`))))),
    180_000,
    `queue ${kind} case`
  )
}

export const queueBenchmark: Benchmark = {
  name: 'queue',
  title: 'Queue ledger with 5,000 jobs',
  async run(ctx) {
    const root = await mkdtemp(join(tmpdir(), 'krev-bench-queue-'))
    try {
      const all = jobs()
      const [jsonDir, sqliteDir, importDir] = ['json', 'sqlite', 'import'].map((n) => join(root, n))
      ctx.progress(`writing ${JOBS} job files (today’s format) twice, and the same jobs into a database`)
      for (const dir of [jsonDir!, importDir!]) {
        const store = jsonStore(dir)
        for (const j of all) await store.save(j)
      }
      const db = sharedStudioDatabase(sqliteDir!)
      const repo = createJobsRepo(db)
      db.transaction(() => all.forEach((j) => repo.saveSync(j)))()
      db.close()
      const results: [string, CaseResult][] = []
      for (const [label, kind, dir] of [
        ['JSON files (before)', 'json', jsonDir],
        ['SQLite (after)', 'sqlite', sqliteDir],
        ['SQLite, first start after the upgrade (imports the 5,000 files)', 'import', importDir]
      ] as const) {
        ctx.progress(label)
        results.push([label, await inChild(kind, dir!)])
      }
      const row = ([label, r]: [string, CaseResult]) => [label, fmtMs(r.loadMs), fmtMs(r.firstListMs), fmtMs(r.list.median), fmtMs(r.save.median), fmtMs(r.save.p95), fmtBytes(r.rssAfter), fmtBytes(r.rssAfter - r.rssBefore)]
      const after = results[1]![1]
      const before = results[0]![1]
      return {
        tables: [
          {
            title: `Queue with ${JOBS.toLocaleString('en-US')} finished jobs: cold load, list, one save, RSS (fresh process each)`,
            columns: ['ledger', 'studio queue load', 'first `queue.list`', '`queue.list` median', 'one job save median', 'save p95', 'RSS after', 'RSS growth'],
            rows: results.map(row),
            notes: [
              '“Studio queue load” is `QueueService.start()`: read and check every job, reconcile, first pump (no media folder scan: no job was downloading).',
              '`queue.list` sorts and projects the jobs in memory, the same code either way; the router’s output validation is not included.',
              `One job save: ${SAVES} saves of one job’s state, each durable when it resolves (JSON: temp file + fsync + rename; SQLite: one committed row, WAL, synchronous=FULL).`
            ]
          },
          {
            title: 'One job state save (all samples)',
            columns: ['ledger', ...LATENCY_COLUMNS],
            rows: results.slice(0, 2).map(([label, r]) => [label, ...latencyCells(r.save)])
          }
        ],
        checks: [
          check(`queue load of ${JOBS} jobs faster than the JSON files`, `${fmtMs(after.loadMs)} vs ${fmtMs(before.loadMs)}`, after.loadMs < before.loadMs),
          check('one durable job state save, median below the JSON file’s', `${fmtMs(after.save.median)} vs ${fmtMs(before.save.median)}`, after.save.median < before.save.median)
        ]
      }
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  }
}

if (process.argv[2] === '--queue-case') {
  const result = await runCase(process.argv[3] as Case, process.argv[4]!)
  process.stdout.write(`${JSON.stringify(result)}\n`)
  process.exit(0)
}
