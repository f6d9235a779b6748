import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Job } from '../../../src-preload/contract'
import { silentLogger } from '../../../src-main/core/logger'
import type { KrevClient } from '../../../src-main/krev'
import { spawnNodeWorker } from '../../../src-main/media-worker/node-spawner'
import type { QueueFeature } from '../../../src-main/queue/create-queue'
import { sandboxProcess, type SandboxProcess } from '../../../src-main/sandbox-worker/sandbox-process'
import { sandboxClient } from '../support/sandbox-harness'
import { testQueue } from '../support/test-queue'
import { waitFor } from '../../support/wait-for'

/**
 * The built-in sandbox in its own worker process, killed with SIGKILL while it renders a
 * job the real queue is polling: it comes back by itself on the same port with the same
 * key, so the queue's client keeps working, and the job finishes (the sandbox resumes it
 * from its state file) instead of being lost.
 */

const ENTRY = fileURLToPath(new URL('../../../src-main/sandbox-worker/entry.ts', import.meta.url))
// Slow enough that the kill lands mid-render (an image takes ~1–2 s at this speed).
const SPEED = 6
const ctx = { transport: 'test' as const }

let sandboxDir: string
let dataDir: string
let sandbox: SandboxProcess
let client: KrevClient
let queue: QueueFeature

/** Waits on a condition (test/support/wait-for.ts), within `ms`. */
const until = (check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> => waitFor(check, { timeoutMs: ms })

beforeAll(async () => {
  sandboxDir = await mkdtemp(join(tmpdir(), 'krev-sbw-'))
  dataDir = await mkdtemp(join(tmpdir(), 'krev-sbw-data-'))
  sandbox = sandboxProcess({ spawn: spawnNodeWorker, entryPath: ENTRY, dataDir: sandboxDir, speed: SPEED, faults: [], logger: silentLogger })
  // Like the app's connection: the endpoint is read once and the client kept.
  const { baseUrl, key } = await sandbox.ensure()
  client = sandboxClient(baseUrl, () => key)
  queue = testQueue(dataDir, client)
}, 60_000)

afterAll(async () => {
  queue?.dispose()
  await queue?.idle().catch(() => undefined)
  await sandbox?.close()
  await rm(sandboxDir, { recursive: true, force: true })
  await rm(dataDir, { recursive: true, force: true })
})

const jobOf = async (id: string) => (await queue.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === id) as Job

describe('the sandbox worker', () => {
  it('killed mid-render, restarts on the same port and key, and the job in flight still completes', async () => {
    const first = await sandbox.ensure()
    const job = await queue.handlers['generation.submit'](
      { kind: 'image', params: { prompt: 'Canvas tote on a park bench', aspectRatio: '1:1', hd: false, imageCount: 1 } },
      ctx
    )
    await until(async () => (await jobOf(job.id)).generationId !== null)
    const generation = await client.getGeneration((await jobOf(job.id)).generationId!)
    expect(generation.status).not.toBe('succeeded')

    const killed = sandbox.pid
    expect(killed).toBeGreaterThan(0)
    process.kill(killed!, 'SIGKILL')
    await until(() => sandbox.pid !== undefined && sandbox.pid !== killed)
    expect(await sandbox.ensure()).toEqual(first)

    // A poll that landed while it was down read as offline: the queue probes and carries on.
    await until(async () => (await jobOf(job.id)).status === 'succeeded')
    await queue.idle()
    const done = await jobOf(job.id)
    expect(done).toMatchObject({ status: 'succeeded', error: null })
    expect(done.assetIds).toHaveLength(1)
  }, 60_000)
})
