import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { TYPICAL_SAMPLES, type GenerationRequest } from '../../../src-preload/contract'
import { applyMigrations } from '../../../src-main/db/migrations'
import { MIGRATIONS } from '../../../src-main/db/migrations/index'
import type { StoredJob } from '../../../src-main/queue/job-model'
import { createJobStore } from '../../../src-main/queue/job-store'
import { newJob } from '../../../src-main/queue/job-transitions'
import { imageReq } from '../queue/fakes'
import { studioDatabaseEachTest } from './studio-test-database'

/** What a kind usually takes outlives the jobs: finished jobs are kept (migration 011) after "Clear finished". */

const t = studioDatabaseEachTest('krev-finished-')
const at = (s: number) => new Date(Date.parse('2026-03-01T10:00:00.000Z') + s * 1000).toISOString()
const video: GenerationRequest = { kind: 'video', params: { prompt: 'spin', aspectRatio: '9:16', duration: 8, audioMode: 'auto' } }

/** A job sent at `sent` s and finished `took` s later. */
function succeeded(sent: number, took: number, request: GenerationRequest = imageReq({ prompt: `p${sent}` })): StoredJob {
  const j = newJob(request, 'sandbox', at(sent), false)
  return { ...j, status: 'succeeded', progress: 100, sentAt: at(sent), updatedAt: at(sent + took) }
}

describe('finished jobs', () => {
  it('are kept once a job succeeds, and stay after the job is removed from the queue', async () => {
    const store = createJobStore(t.dir, undefined, t.db)
    const waiting = newJob(imageReq({ prompt: 'w' }), 'sandbox', at(0), false)
    const img = succeeded(0, 12)
    const vid = succeeded(1, 40, video)
    for (const j of [waiting, img, vid]) await store.save(j)
    // Saved again later (an edit after success): the first finish is what it took.
    await store.save({ ...img, updatedAt: at(500) })
    await store.remove(img)
    await store.remove(vid)
    expect(store.finished('sandbox')).toEqual([
      { id: vid.id, kind: 'video', sentAt: at(1), finishedAt: at(41), videoSeconds: 8 },
      { id: img.id, kind: 'image', sentAt: at(0), finishedAt: at(12), videoSeconds: null }
    ])
    expect(store.finished('krev')).toEqual([])
    t.reopen()
    expect(createJobStore(t.dir, undefined, t.db).finished('sandbox')).toHaveLength(2)
  })

  it(`keeps the latest ${TYPICAL_SAMPLES} of each kind`, async () => {
    const store = createJobStore(t.dir, undefined, t.db)
    const images = Array.from({ length: TYPICAL_SAMPLES + 5 }, (_, i) => succeeded(i * 10, 5))
    for (const j of [...images, succeeded(0, 30, video)]) await store.save(j)
    const kept = store.finished('sandbox')
    expect(kept.filter((f) => f.kind === 'image').map((f) => f.id)).toEqual(images.slice(5).reverse().map((j) => j.id))
    expect(kept.filter((f) => f.kind === 'video')).toHaveLength(1)
  })

  it('a job never sent (or not succeeded) is not a sample', async () => {
    const store = createJobStore(t.dir, undefined, t.db)
    await store.save({ ...succeeded(0, 5), sentAt: null })
    await store.save({ ...succeeded(1, 5), status: 'failed' })
    expect(store.finished('sandbox')).toEqual([])
  })
})

describe('migration 011 (finished jobs)', () => {
  it('copies the jobs that had already succeeded, with a video’s length', () => {
    const db = new Database(':memory:')
    applyMigrations(db, MIGRATIONS.filter((m) => m.version < 11))
    const insert = db.prepare(
      `INSERT INTO queue_jobs (mode, id, kind, status, progress, title, request, credits_estimate, asset_ids, attempts, created_at, updated_at, sent_at, server_retries, output_urls)
       VALUES (?, ?, ?, ?, 100, 't', ?, 40, '[]', 0, ?, ?, ?, 0, '[]')`
    )
    insert.run('sandbox', 'v', 'video', 'succeeded', JSON.stringify(video), at(0), at(50), at(2))
    insert.run('krev', 'i', 'image', 'succeeded', JSON.stringify(imageReq({ prompt: 'x' })), at(0), at(9), at(1))
    insert.run('sandbox', 'f', 'image', 'failed', '{}', at(0), at(9), at(1))
    insert.run('sandbox', 'n', 'image', 'succeeded', '{}', at(0), at(9), null)
    applyMigrations(db, MIGRATIONS)
    expect(db.prepare('SELECT mode, job_id, kind, sent_at, finished_at, video_seconds FROM finished_jobs ORDER BY job_id').all()).toEqual([
      { mode: 'krev', job_id: 'i', kind: 'image', sent_at: at(1), finished_at: at(9), video_seconds: null },
      { mode: 'sandbox', job_id: 'v', kind: 'video', sent_at: at(2), finished_at: at(50), video_seconds: 8 }
    ])
    db.close()
  })
})
