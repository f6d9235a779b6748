import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { embeddedSandboxWithEnv } from './embedded-sandbox-env'

/**
 * KREV_SANDBOX_ADMIN_FILE: where e2e runs learn the built-in sandbox's admin endpoint (to
 * read its request record). Written only where the studio allows test control, never by
 * a packaged app.
 */

const withAdminFile = embeddedSandboxWithEnv('KREV_SANDBOX_ADMIN_FILE', 'krev-sbw-admin-')

async function start(faultsFromEnv: boolean): Promise<{ file: string; baseUrl: string }> {
  let file = ''
  const sandbox = await withAdminFile((dir) => (file = join(dir, 'admin.json')), faultsFromEnv)
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
