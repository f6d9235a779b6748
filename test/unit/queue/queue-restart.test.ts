import { existsSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Job } from '../../../src-preload/contract'
import { ctx, editStoredJob, gid, imageReq, pollingJob, start, stoppedWithJob, storedJob, until, useHarness } from './fakes'

/** A restart (new instance, same data folder) or a mode switch never loses or doubles a job. */

const h = useHarness()
const onDisk = (id: string) => storedJob(h, id)
const listed = async (f: ReturnType<typeof start>, id: string) =>
  (await f.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === id) as Job

/** A temp file as a write the stop interrupted leaves in the library's media folder. */
function staleMediaTemp(jobId: string): string {
  const libDir = join(h.dataDir, 'media', 'sandbox', 'library')
  mkdirSync(libDir, { recursive: true })
  const file = join(libDir, `.${jobId}-0.original.png.0123456789ab.tmp`)
  writeFileSync(file, 'half')
  return file
}

describe('resume after a restart', () => {
  it('killed mid-poll: polled again and finished, never POSTed again', async () => {
    const { feature: a, job } = await pollingJob(h, 2, 30)
    a.dispose()
    await a.idle()
    expect(onDisk(job.id)).toMatchObject({ status: 'processing', generationId: gid(1) })

    h.krev.pollScript.set(gid(1), [{}])
    const b = start(h)
    await b.resume()
    await b.idle()
    expect(await listed(b, job.id)).toMatchObject({ status: 'succeeded', assetIds: [`${job.id}-0`] })
    expect(h.krev.posts).toHaveLength(1)
  })

  it('killed while its POST was out: failed as maybe-charged, not sent again', async () => {
    const job = await stoppedWithJob(h)
    editStoredJob(h, job.id, (j) => {
      j['postStartedAt'] = '2026-03-01T10:00:00.000Z'
      j['status'] = 'pending'
    })

    const b = start(h)
    await b.resume()
    await b.idle()
    expect(await listed(b, job.id)).toMatchObject({ status: 'failed', error: { code: 'unknown_outcome', retryable: false } })
    expect(h.krev.posts).toEqual([])
  })

  it('killed before its POST: POSTed on resume; no download was stopped, so the media folder is not scanned', async () => {
    const job = await stoppedWithJob(h)
    const tmpMedia = staleMediaTemp(job.id)

    const b = start(h)
    await b.resume()
    // The creator's pause outlives the restart: nothing is sent until they resume.
    await b.idle()
    expect(h.krev.posts).toEqual([])
    await b.handlers['queue.resume']({}, ctx)
    await b.idle()
    expect(await listed(b, job.id)).toMatchObject({ status: 'succeeded' })
    expect(h.krev.posts).toHaveLength(1)
    expect(existsSync(tmpMedia)).toBe(true)
  })

  it('killed mid-download: downloaded again, one asset per output; its stale temp files are swept', async () => {
    const real = h.krev.client.downloadMedia
    h.krev.client.downloadMedia = () => new Promise(() => undefined)
    const a = start(h)
    const job = await a.handlers['generation.submit'](imageReq(), ctx)
    await until(() => onDisk(job.id)?.status === 'downloading')
    a.dispose()
    const tmpMedia = staleMediaTemp(job.id)

    h.krev.client.downloadMedia = real
    const b = start(h)
    await b.resume()
    await b.idle()
    expect(await listed(b, job.id)).toMatchObject({ status: 'succeeded', assetIds: [`${job.id}-0`] })
    expect((await b.handlers['library.list']({ sort: 'newest', limit: 60 }, ctx)).total).toBe(1)
    expect(h.krev.posts).toHaveLength(1)
    expect(existsSync(tmpMedia)).toBe(false)
  })
})

describe('mode switch', () => {
  it('stops the other mode’s workers and shows this mode’s jobs; switching back resumes them', async () => {
    const { feature: f, job } = await pollingJob(h, 2, 30)
    h.conn.setMode('krev')
    expect((await f.handlers['queue.list']({}, ctx)).jobs).toEqual([])
    await f.idle()
    const polls = h.krev.polls.length
    // sleep-ok: idle() above is the synchronisation; this only gives a stray real timer the chance to show a bug.
    await new Promise((r) => setTimeout(r, 20))
    expect(h.krev.polls.length).toBe(polls)

    h.krev.pollScript.set(gid(1), [{}])
    h.conn.setMode('sandbox')
    await f.idle()
    expect(await listed(f, job.id)).toMatchObject({ status: 'succeeded' })
    expect(h.krev.posts).toHaveLength(1)
  })
})
