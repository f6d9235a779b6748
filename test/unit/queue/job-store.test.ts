import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createJobStore } from '../../../src-main/queue/job-store'
import { newJob } from '../../../src-main/queue/job-transitions'
import { imageReq } from './fakes'

/** Jobs on disk: one file each, atomic, newest state wins, one damaged file costs one job. */

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-jobs-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('job store', () => {
  it('round-trips jobs per mode, oldest first, and the latest of rapid saves wins', async () => {
    const store = createJobStore(dir)
    const a = newJob(imageReq(), 'sandbox', '2026-03-01T10:00:00.000Z', false)
    const b = newJob(imageReq({ prompt: 'b' }), 'sandbox', '2026-03-01T10:00:01.000Z', false)
    const k = newJob(imageReq(), 'krev', '2026-03-01T10:00:00.000Z', false)
    void store.save({ ...a, progress: 10 })
    void store.save({ ...a, progress: 20 })
    await store.save({ ...a, progress: 30 })
    await store.save(b)
    await store.save(k)
    const loaded = await createJobStore(dir).load('sandbox')
    expect(loaded.map((j) => [j.id, j.progress])).toEqual([
      [a.id, 30],
      [b.id, 0]
    ])
    expect((await createJobStore(dir).load('krev')).map((j) => j.id)).toEqual([k.id])
  })

  it('skips damaged or foreign files, sweeps temp files, and never uses a name as an id', async () => {
    const store = createJobStore(dir)
    const a = newJob(imageReq(), 'sandbox', '2026-03-01T10:00:00.000Z', false)
    await store.save(a)
    const jobs = store.dir('sandbox')
    mkdirSync(jobs, { recursive: true })
    writeFileSync(join(jobs, '0b5e2f1a-0000-4000-8000-000000000000.json'), '{"format":1,"job":')
    writeFileSync(join(jobs, 'CON.json'), '{}')
    writeFileSync(join(jobs, `.${a.id}.json.0123456789ab.tmp`), '{')
    const damaged: string[] = []
    const loaded = await createJobStore(dir, (f) => void damaged.push(f)).load('sandbox')
    expect(loaded.map((j) => j.id)).toEqual([a.id])
    expect(damaged).toHaveLength(1)
    expect(existsSync(join(jobs, `.${a.id}.json.0123456789ab.tmp`))).toBe(false)
    await expect(store.save({ ...a, id: '../escape' })).rejects.toThrow(/invalid job id/)
  })
})
