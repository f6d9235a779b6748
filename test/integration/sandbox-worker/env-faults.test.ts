import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src-main/core/logger'
import { spawnNodeWorker } from '../../../src-main/media-worker/node-spawner'
import { embeddedSandbox } from '../../../src-main/studio/embedded-sandbox'
import type { SandboxProcess } from '../../../src-main/sandbox-worker/sandbox-process'

/** KREV_SANDBOX_FAULTS reaches the sandbox in its worker, and only where the studio allows it (not a packaged app). */

const worker = { spawn: spawnNodeWorker, entryPath: fileURLToPath(new URL('../../../src-main/sandbox-worker/entry.ts', import.meta.url)) }
const FAULT = JSON.stringify([{ method: 'GET', path: '/api/v1/credits', action: { type: 'status', status: 503 }, times: 1 }])

let sandbox: SandboxProcess | null = null
let dir: string | null = null
const saved = process.env['KREV_SANDBOX_FAULTS']
afterEach(async () => {
  await sandbox?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
  if (saved === undefined) delete process.env['KREV_SANDBOX_FAULTS']
  else process.env['KREV_SANDBOX_FAULTS'] = saved
})

async function firstCreditsStatus(faultsFromEnv: boolean): Promise<number> {
  dir = await mkdtemp(join(tmpdir(), 'krev-sbw-faults-'))
  process.env['KREV_SANDBOX_FAULTS'] = FAULT
  sandbox = embeddedSandbox(dir, silentLogger, { worker, faultsFromEnv })
  const { baseUrl, key } = await sandbox.ensure()
  const res = await fetch(`${baseUrl}/api/v1/credits`, { headers: { authorization: `Bearer ${key}` } })
  return res.status
}

describe('KREV_SANDBOX_FAULTS', () => {
  it('breaks the worker’s sandbox when the studio reads it (development, tests, the preview)', async () => {
    expect(await firstCreditsStatus(true)).toBe(503)
  }, 60_000)

  it('is ignored when the studio says not to (a packaged app)', async () => {
    expect(await firstCreditsStatus(false)).toBe(200)
  }, 60_000)
})
