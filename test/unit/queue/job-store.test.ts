import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as legacy from '../../../src-main/db/legacy-import'
import type { StoredJob } from '../../../src-main/queue/job-model'
import { createJobStore } from '../../../src-main/queue/job-store'
import { newJob } from '../../../src-main/queue/job-transitions'
import { createPauseStore } from '../../../src-main/queue/pause-store'
import { imageReq } from './fakes'
import { studioDatabaseEachTest } from '../db/studio-test-database'

/** The queue ledger in the database: per mode, one row a job, damaged rows skipped, job files of before imported once. */

const t = studioDatabaseEachTest('krev-jobs-')
afterEach(() => vi.restoreAllMocks())

const job = (prompt: string, mode: 'sandbox' | 'krev' = 'sandbox', at = '2026-03-01T10:00:00.000Z') => newJob(imageReq({ prompt }), mode, at, false)

/** A job file as the studio wrote it before the database: `queue/<mode>/jobs/<id>.json`, format 1. */
function writeLegacyJob(j: StoredJob): string {
  const jobs = join(t.dir, 'queue', j.mode, 'jobs')
  mkdirSync(jobs, { recursive: true })
  const file = join(jobs, `${j.id}.json`)
  writeFileSync(file, JSON.stringify({ format: 1, job: j }, null, 2))
  return file
}

describe('job store', () => {
  it('round-trips every field per mode, oldest first; the latest save wins; a restart reads the same', async () => {
    const store = createJobStore(t.dir, undefined, t.db)
    const a = job('a')
    const b = job('b', 'sandbox', '2026-03-01T10:00:01.000Z')
    const k = job('k', 'krev')
    void store.save({ ...a, progress: 10 })
    void store.save({ ...a, progress: 20 })
    const full: StoredJob = {
      ...a,
      progress: 30,
      status: 'failed',
      generationId: 'g-1',
      creditsUsed: 40,
      assetIds: [`${a.id}-0`],
      error: { code: 'unknown_outcome', message: 'm', retryable: false, refunded: true },
      postStartedAt: '2026-03-01T10:00:02.000Z',
      sentAt: '2026-03-01T10:00:02.000Z',
      balanceBefore: { credits: 2500, at: '2026-03-01T09:59:00.000Z' },
      serverRetries: 1,
      outputUrls: ['https://cdn.example/a.png'],
      adCopy: { style_name: 's', hook: 'h', headline: 'hl', body_copy: 'b', cta: 'c' },
      rerunAs: null,
      actionId: '5b0e6f0c-8d2a-4c1e-9f3b-2a7d4e6c8b10'
    }
    await store.save(full)
    await store.save(b)
    await store.save(k)
    t.reopen()
    const again = createJobStore(t.dir, undefined, t.db)
    expect(await again.load('sandbox')).toEqual([full, b])
    expect((await again.load('krev')).map((j) => j.id)).toEqual([k.id])
    await again.remove(a)
    expect((await again.load('sandbox')).map((j) => j.id)).toEqual([b.id])
  })

  it('skips a damaged row and says which, never uses a bad id, and saveSync joins a caller’s transaction', async () => {
    const store = createJobStore(t.dir, undefined, t.db)
    const a = job('a')
    const b = job('b')
    await store.save(a)
    await store.save(b)
    t.db.prepare("UPDATE queue_jobs SET request = '{not json' WHERE id = ?").run(b.id)
    const damaged: string[] = []
    const loaded = await createJobStore(t.dir, (w) => void damaged.push(w), t.db).load('sandbox')
    expect(loaded.map((j) => j.id)).toEqual([a.id])
    expect(damaged).toEqual([`queue_jobs:sandbox/${b.id}`])
    await expect(store.save({ ...a, id: '../escape' })).rejects.toThrow(/invalid job id/)

    // A transaction that fails after saveSync leaves the job as it was.
    expect(() =>
      t.db.transaction(() => {
        store.saveSync({ ...a, status: 'succeeded' })
        throw new Error('the assets could not be committed')
      })()
    ).toThrow(/assets/)
    expect((await store.load('sandbox'))[0]).toMatchObject({ id: a.id, status: 'pending' })
  })
})

describe('import of the job files of before', () => {
  it('imports every readable job and the pause in one go, keeps a damaged file, and renames the folders aside', async () => {
    const a = job('a')
    const k = job('k', 'krev')
    const textA = readFileSync(writeLegacyJob(a), 'utf8')
    writeLegacyJob(k)
    const broken = join(t.dir, 'queue', 'sandbox', 'jobs', '0b5e2f1a-0000-4000-8000-000000000000.json')
    writeFileSync(broken, '{"format":1,"job":')
    writeFileSync(join(t.dir, 'queue', 'sandbox', 'jobs', 'CON.json'), '{}')
    writeFileSync(join(t.dir, 'queue', 'sandbox', 'state.json'), JSON.stringify({ format: 1, userPaused: true }))
    const damaged: string[] = []
    const store = createJobStore(t.dir, (w) => void damaged.push(w), t.db)
    const pauses = createPauseStore(t.dir, t.db)

    const [sandbox, paused] = await Promise.all([store.load('sandbox'), pauses.load('sandbox')])
    expect(sandbox).toEqual([a])
    expect(paused).toBe(true)
    expect(await store.load('krev')).toEqual([k])
    expect(damaged).toEqual([broken])
    // Nothing is deleted: the old folder, damaged file included, is kept aside.
    expect(existsSync(join(t.dir, 'queue', 'sandbox', 'jobs'))).toBe(false)
    const aside = readdirSync(join(t.dir, 'queue', 'sandbox')).filter((n) => n.startsWith('jobs.imported-'))
    expect(aside).toHaveLength(1)
    const keptBroken = join(t.dir, 'queue', 'sandbox', aside[0]!, '0b5e2f1a-0000-4000-8000-000000000000.json')
    expect(readFileSync(keptBroken, 'utf8')).toBe('{"format":1,"job":')
    expect(readFileSync(join(t.dir, 'queue', 'sandbox', aside[0]!, `${a.id}.json`), 'utf8')).toBe(textA)
    expect(readdirSync(join(t.dir, 'queue', 'sandbox')).some((n) => n.startsWith('state.json.imported-'))).toBe(true)
    // A second start finds nothing left to import and the same ledger.
    expect(await createJobStore(t.dir, undefined, t.db).load('sandbox')).toEqual([a])
  })

  it('files that could not be moved aside after the import: the next start re-runs it and doubles nothing', async () => {
    const a = job('a')
    writeLegacyJob(a)
    const rename = vi.spyOn(legacy, 'renameIfPresent').mockRejectedValueOnce(new Error('EACCES'))
    // The rows are in: this start uses them, and the files stay where they were.
    expect(await createJobStore(t.dir, undefined, t.db).load('sandbox')).toEqual([a])
    expect(existsSync(join(t.dir, 'queue', 'sandbox', 'jobs', `${a.id}.json`))).toBe(true)
    rename.mockRestore()

    // The database already holds the job (a newer state, as if it ran on): the re-run keeps it.
    t.db.prepare("UPDATE queue_jobs SET status = 'succeeded' WHERE id = ?").run(a.id)
    const loaded = await createJobStore(t.dir, undefined, t.db).load('sandbox')
    expect(loaded).toEqual([{ ...a, status: 'succeeded' }])
    expect(existsSync(join(t.dir, 'queue', 'sandbox', 'jobs'))).toBe(false)
  })

  it('a stop in the middle of the import writes none of it: the files stay and the next start imports them all', async () => {
    const jobs = [job('a'), job('b'), job('c')]
    for (const j of jobs) writeLegacyJob(j)
    // The third row's write fails, as a kill in the middle of the transaction would end it.
    const insert = t.db.prepare.bind(t.db)
    let writes = 0
    vi.spyOn(t.db, 'prepare').mockImplementation((sql: string) => {
      const stmt = insert(sql)
      if (!sql.startsWith('INSERT OR IGNORE INTO queue_jobs')) return stmt
      const run = stmt.run.bind(stmt)
      return Object.assign(stmt, {
        run: (...args: unknown[]) => {
          if (++writes === 3) throw new Error('killed')
          return run(...(args as [never]))
        }
      })
    })
    await expect(createJobStore(t.dir, undefined, t.db).load('sandbox')).rejects.toThrow(/killed/)
    vi.restoreAllMocks()
    expect(t.db.prepare('SELECT count(*) FROM queue_jobs').pluck().get()).toBe(0)
    expect(readdirSync(join(t.dir, 'queue', 'sandbox', 'jobs'))).toHaveLength(3)

    expect((await createJobStore(t.dir, undefined, t.db).load('sandbox')).map((j) => j.id).sort()).toEqual(jobs.map((j) => j.id).sort())
  })
})
