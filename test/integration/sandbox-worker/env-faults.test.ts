import { describe, expect, it } from 'vitest'
import { embeddedSandboxWithEnv } from './embedded-sandbox-env'

/** KREV_SANDBOX_FAULTS reaches the sandbox in its worker, and only where the studio allows it (not a packaged app). */

const FAULT = JSON.stringify([{ method: 'GET', path: '/api/v1/credits', action: { type: 'status', status: 503 }, times: 1 }])

const withFaults = embeddedSandboxWithEnv('KREV_SANDBOX_FAULTS', 'krev-sbw-faults-')

async function firstCreditsStatus(faultsFromEnv: boolean): Promise<number> {
  const sandbox = await withFaults(() => FAULT, faultsFromEnv)
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
