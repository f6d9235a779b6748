import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { GenerationRequest } from '../../../src-preload/contract'
import { createBatchesRepo } from '../../../src-main/db/batches-repo'
import type { Db } from '../../../src-main/db/database'
import { createJobsRepo } from '../../../src-main/db/jobs-repo'
import { createBatchSubmit } from '../../../src-main/queue/batch-submit'
import type { StoredJob } from '../../../src-main/queue/job-model'
import { newJob } from '../../../src-main/queue/job-transitions'
import { openStudioTestDatabase } from '../db/studio-test-database'

// The batch's one transaction on a real database: a write failing half-way through the
// jobs leaves no batch row and no job behind, and the queue is handed nothing to send.

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const image = (prompt: string): GenerationRequest => ({ kind: 'image', params: { prompt, aspectRatio: '1:1', hd: false, imageCount: 2 } })

function setup(failOnSave: number | null) {
  const dir = mkdtempSync(join(tmpdir(), 'krev-batch-tx-'))
  dirs.push(dir)
  const db: Db = openStudioTestDatabase(dir).db
  const jobsRepo = createJobsRepo(db)
  const adopted: StoredJob[] = []
  let saves = 0
  const batch = createBatchSubmit({
    mode: () => 'sandbox',
    ensureLoaded: async () => undefined,
    validate: async () => undefined,
    newJob: (req) => newJob(req, 'sandbox', '2026-03-01T10:00:00.000Z', false),
    transaction: (fn) => db.transaction(fn).immediate(),
    saveSync: (j) => {
      saves += 1
      if (saves === failOnSave) throw new Error('disk full')
      jobsRepo.saveSync(j)
    },
    batches: createBatchesRepo(db),
    jobs: () => new Map(adopted.map((j) => [j.id, j])),
    adopt: (made) => adopted.push(...made),
    now: () => Date.parse('2026-03-01T10:00:00.000Z')
  })
  const rows = () => ({
    batches: db.prepare('SELECT count(*) FROM queue_batches').pluck().get(),
    jobs: db.prepare('SELECT count(*) FROM queue_jobs').pluck().get()
  })
  return { batch, adopted, rows, close: () => db.close() }
}

describe('batch submit transaction', () => {
  it('a write failing at the third job leaves nothing: no batch, no job, nothing handed to the queue', async () => {
    const t = setup(3)
    await expect(t.batch.submit({ name: 'Half', requests: [image('A'), image('B'), image('C')] })).rejects.toThrow('disk full')
    expect(t.rows()).toEqual({ batches: 0, jobs: 0 })
    expect(t.adopted).toEqual([])
    t.close()
  })

  it('written whole: the batch row and every job, each job naming its batch', async () => {
    const t = setup(null)
    const out = await t.batch.submit({ name: 'Whole', requests: [image('A'), image('B'), image('C')] })
    expect(t.rows()).toEqual({ batches: 1, jobs: 3 })
    expect(t.adopted.map((j) => j.batchId)).toEqual([out.batch.id, out.batch.id, out.batch.id])
    expect(out.batch).toMatchObject({ name: 'Whole', jobCount: 3, creditsEstimate: 240 })
    t.close()
  })
})
