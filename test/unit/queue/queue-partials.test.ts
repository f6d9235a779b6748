import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLibraryFolders } from '../../../src-main/library/library-folder'
import { ctx, editStoredJob, gid, start, stoppedWithJob, useHarness } from './fakes'

/** Partial downloads across a restart: continued by their job, swept when no job wants them. */

const h = useHarness()

describe('partial downloads after a restart', () => {
  it('a job that was downloading continues its own partial; partials of removed jobs are swept', async () => {
    const stopped = await stoppedWithJob(h)
    editStoredJob(h, stopped.id, (j) => {
      j['status'] = 'downloading'
      j['generationId'] = gid(1)
      j['outputUrls'] = ['https://cdn.example/old-link/0.png']
    })
    const staging = createLibraryFolders(h.dataDir, () => join(h.dataDir, 'Library')).stagingDir('sandbox')
    mkdirSync(staging, { recursive: true })
    const own = join(staging, `.${stopped.id}-0.0123456789ab.part`)
    writeFileSync(own, 'half')
    writeFileSync(`${own}.json`, JSON.stringify({ validator: '"v1"', size: 10 }))
    writeFileSync(join(staging, '.removed-job-0.aaaaaaaaaaaa.part'), 'stale')
    writeFileSync(join(staging, '.removed-job-0.aaaaaaaaaaaa.part.json'), '{}')

    const parts: string[] = []
    const real = h.krev.client.downloadMediaFile
    h.krev.client.downloadMediaFile = (url, opts) => {
      parts.push(opts.part)
      return real(url, opts)
    }
    const b = start(h)
    await b.resume()
    await b.idle()

    const job = (await b.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === stopped.id)
    expect(job).toMatchObject({ status: 'succeeded', assetIds: [`${stopped.id}-0`] })
    // Fresh URLs first (the stored ones may have expired), then the same partial file.
    expect(h.krev.polls).toEqual([gid(1)])
    expect(h.krev.downloads).toEqual([`https://cdn.example/${gid(1)}/0.png`])
    expect(parts).toEqual([own])
    // The library took the finished file over; nothing stale is left behind.
    expect(existsSync(join(staging, '.removed-job-0.aaaaaaaaaaaa.part'))).toBe(false)
    expect(readdirSync(staging).filter((n) => n.startsWith('.removed-job'))).toEqual([])
  })
})
