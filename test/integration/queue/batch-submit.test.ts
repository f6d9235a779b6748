import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GenerationRequest } from '../../../src-preload/contract'
import { studioDatabasePath } from '../../../src-main/db/studio-database'
import type { KrevClient } from '../../../src-main/krev'
import { waitFor } from '../../support/wait-for'
import { startSandboxHarness, type SandboxHarness } from '../support/sandbox-harness'
import { queueInstances } from '../support/sandbox-queue'

/**
 * A batch through the real queue and the real sandbox over HTTP: every job of it is on disk
 * (one transaction, the batch row with them) before the first POST leaves; a bad row sends
 * and saves nothing; the same action sent again, at once or after a restart, is answered
 * the batch it made and never makes (or charges) a second one.
 */

const KEY = `sk_live_${'B'.repeat(16)}${'4'.repeat(16)}`
const ctx = { transport: 'test' as const }
let h: SandboxHarness
const dirs: string[] = []
const queues = queueInstances()

beforeAll(async () => {
  h = await startSandboxHarness('batch', { key: KEY })
})

afterAll(async () => {
  await queues.stop()
  await h?.close()
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

const image = (prompt: string, over: Record<string, unknown> = {}): GenerationRequest =>
  ({ kind: 'image', params: { prompt, aspectRatio: '1:1', hd: false, imageCount: 2, ...over } }) as GenerationRequest

/** What another connection reads from the database file right now. */
function onDisk(dataDir: string): { batches: number; jobs: { id: string; batch_id: string | null; action_id: string | null }[] } {
  const db = new Database(studioDatabasePath(dataDir), { readonly: true })
  try {
    const batches = db.prepare('SELECT count(*) FROM queue_batches').pluck().get() as number
    const jobs = db.prepare('SELECT id, batch_id, action_id FROM queue_jobs').all() as { id: string; batch_id: string | null; action_id: string | null }[]
    return { batches, jobs }
  } finally {
    db.close()
  }
}

/** The real client, with every create POST counted and the disk looked at as it leaves. */
function watched(dataDir: string) {
  const seen = { posts: 0, atFirstPost: null as ReturnType<typeof onDisk> | null }
  const c: KrevClient = {
    ...h.client,
    baseUrl: h.client.baseUrl,
    generateImages: (params, signal) => {
      seen.posts += 1
      seen.atFirstPost ??= onDisk(dataDir)
      return h.client.generateImages(params, signal)
    }
  }
  return { client: c, seen }
}

async function fresh(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'krev-batch-data-'))
  dirs.push(dir)
  return dir
}

const open = queues.open

describe('batch submit', () => {
  it('persists the batch and all of its jobs before the first POST, then runs each job', async () => {
    const dataDir = await fresh()
    const { client: c, seen } = watched(dataDir)
    const f = open(dataDir, c)
    const out = await f.handlers['generation.submitBatch'](
      {
        name: 'Spring launch',
        requests: [image('Wallet on marble'), image('Bag on marble'), image('Belt on marble')],
        labels: ['Wallet', '', 'Belt'],
        actionId: randomUUID()
      },
      ctx
    )
    expect(out.batch).toMatchObject({ name: 'Spring launch', jobCount: 3, creditsEstimate: 240 })
    expect(out.jobs).toHaveLength(3)
    expect(new Set(out.jobs.map((j) => j.batchId))).toEqual(new Set([out.batch.id]))
    expect(out.jobs.map((j) => j.title)).toEqual(['Wallet · Wallet on marble', 'Bag on marble', 'Belt · Belt on marble'])
    // They run in the batch's order, after whatever already waits.
    const positions = out.jobs.map((j) => j.position ?? 0)
    expect(positions.every((p, i) => i === 0 || p === positions[i - 1]! + 1)).toBe(true)
    expect(positions[0]).toBeGreaterThan(0)
    await f.idle()
    expect(seen.posts).toBe(3)
    // The first POST found the whole batch already written.
    expect(seen.atFirstPost?.batches).toBe(1)
    expect(seen.atFirstPost?.jobs.filter((j) => j.batch_id === out.batch.id)).toHaveLength(3)
    const { jobs } = await f.handlers['queue.list']({}, ctx)
    expect(jobs.map((j) => j.status)).toEqual(['succeeded', 'succeeded', 'succeeded'])
    expect((await f.handlers['batch.list']({}, ctx)).batches).toEqual([out.batch])
  })

  it('a bad row refuses the whole batch, naming it: nothing saved, nothing sent', async () => {
    const dataDir = await fresh()
    const { client: c, seen } = watched(dataDir)
    const f = open(dataDir, c)
    const bad = image('Private reference', { referenceImages: ['http://192.168.1.20/photo.png'] })
    await expect(
      f.handlers['generation.submitBatch']({ name: 'Mixed', requests: [image('Fine one'), image('Fine two'), bad], actionId: randomUUID() }, ctx)
    ).rejects.toThrow(/^Job 3 of the batch: .*Nothing was sent\.$/)
    await f.idle()
    expect(seen.posts).toBe(0)
    expect(onDisk(dataDir)).toEqual({ batches: 0, jobs: [] })
    expect((await f.handlers['queue.list']({}, ctx)).jobs).toEqual([])
  })

  it('the same action sent twice at once, and again after a restart, is one batch of three jobs', async () => {
    const dataDir = await fresh()
    const { client: c, seen } = watched(dataDir)
    let f = open(dataDir, c)
    const input = { name: 'Twice', requests: [image('One'), image('Two'), image('Three')], actionId: randomUUID() }
    const [a, b] = await Promise.all([f.handlers['generation.submitBatch'](input, ctx), f.handlers['generation.submitBatch'](input, ctx)])
    expect(b.batch.id).toBe(a.batch.id)
    await f.idle()
    f = open(dataDir, c)
    const again = await f.handlers['generation.submitBatch'](input, ctx)
    expect(again.batch).toEqual(a.batch)
    expect(again.jobs.map((j) => j.id).sort()).toEqual(a.jobs.map((j) => j.id).sort())
    // Still answered once its jobs are cleared from the queue: the batch row keeps the action.
    await f.handlers['queue.clearFinished']({}, ctx)
    expect((await f.handlers['generation.submitBatch'](input, ctx)).batch.id).toBe(a.batch.id)
    await f.idle()
    expect(seen.posts).toBe(3)
    expect(onDisk(dataDir).batches).toBe(1)
  })

  it('cancel the rest cancels only the jobs not yet sent', async () => {
    const dataDir = await fresh()
    const { client: c } = watched(dataDir)
    const f = open(dataDir, c)
    await f.handlers['queue.pause']({}, ctx)
    const out = await f.handlers['generation.submitBatch']({ name: 'Held', requests: [image('A'), image('B')] }, ctx)
    expect(await f.handlers['batch.cancelRest']({ batchId: out.batch.id }, ctx)).toEqual({ cancelled: 2 })
    expect((await f.handlers['queue.list']({}, ctx)).jobs.map((j) => j.status)).toEqual(['cancelled', 'cancelled'])
    expect(await f.handlers['batch.cancelRest']({ batchId: out.batch.id }, ctx)).toEqual({ cancelled: 0 })
  })

  it('402 in the middle of a batch holds the rest of it: no further POSTs until the balance covers them, the queue itself never paused', async () => {
    const dataDir = await fresh()
    const { client: c, seen } = watched(dataDir)
    // One job at a time, so which POST meets the empty balance is certain.
    const f = open(dataDir, c, { settings: { get: () => ({ pollConcurrency: 1, downloadConcurrency: 1 }) } })
    h.sb.setCredits('default', 100)
    const out = await f.handlers['generation.submitBatch']({ name: 'Short', requests: [image('First'), image('Second'), image('Third')] }, ctx)
    const listed = async () => {
      const { jobs } = await f.handlers['queue.list']({}, ctx)
      return out.jobs.map((o) => jobs.find((j) => j.id === o.id))
    }
    // The first (80) went and is downloaded; the second met the 402; the third (80 > 20 known) was never sent.
    await waitFor(async () => (await listed()).map((j) => j?.status).join() === 'succeeded,paused,paused', { timeoutMs: 15_000 })
    const held = (await listed()).slice(1)
    for (const j of held) expect(j?.error).toMatchObject({ code: 'insufficient_credits', credits: { needed: 80 } })
    expect(seen.posts).toBe(2)
    expect((await f.handlers['queue.list']({}, ctx)).state.paused).toBe(false)
    // A balance the account feature learns (a credits refresh after a top-up) releases them.
    h.sb.setCredits('default', 1000)
    f.service.balanceChanged(1000)
    await waitFor(async () => (await listed()).every((j) => j?.status === 'succeeded'), { timeoutMs: 15_000 })
    expect(seen.posts).toBe(4)
  })
})
