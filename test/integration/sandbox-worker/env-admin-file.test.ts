import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src-main/core/logger'
import { spawnNodeWorker } from '../../../src-main/media-worker/node-spawner'
import type { SandboxProcess } from '../../../src-main/sandbox-worker/sandbox-process'
import { embeddedSandbox } from '../../../src-main/studio/embedded-sandbox'

/**
 * KREV_SANDBOX_ADMIN_FILE: where e2e runs learn the built-in sandbox's admin endpoint (to
 * read its request record). Written only where the studio allows test control, never by
 * a packaged app.
 */

const worker = { spawn: spawnNodeWorker, entryPath: fileURLToPath(new URL('../../../src-main/sandbox-worker/entry.ts', import.meta.url)) }
let sandbox: SandboxProcess | null = null
let dir: string | null = null
const saved = process.env['KREV_SANDBOX_ADMIN_FILE']
afterEach(async () => {
  await sandbox?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
  if (saved === undefined) delete process.env['KREV_SANDBOX_ADMIN_FILE']
  else process.env['KREV_SANDBOX_ADMIN_FILE'] = saved
})

async function start(faultsFromEnv: boolean): Promise<{ file: string; baseUrl: string }> {
  dir = await mkdtemp(join(tmpdir(), 'krev-sbw-admin-'))
  const file = join(dir, 'admin.json')
  process.env['KREV_SANDBOX_ADMIN_FILE'] = file
  sandbox = embeddedSandbox(dir, silentLogger, { worker, faultsFromEnv })
  const { baseUrl } = await sandbox.ensure()
  return { file, baseUrl }
}

describe('KREV_SANDBOX_ADMIN_FILE', () => {
  it('holds the admin endpoint once the sandbox listens, owner-only, and it opens the request record', async () => {
    const { file, baseUrl } = await start(true)
    const admin = JSON.parse(readFileSync(file, 'utf8')) as { baseUrl: string; adminToken: string }
    expect(admin.baseUrl).toBe(baseUrl)
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0)
    const res = await fetch(`${baseUrl}/__sandbox/requests`, { headers: { 'x-sandbox-admin': admin.adminToken } })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { data: unknown[] }).data).toEqual([])
  }, 60_000)

  it('is never written when the studio says not to (a packaged app)', async () => {
    const { file } = await start(false)
    expect(existsSync(file)).toBe(false)
  }, 60_000)
})
