import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { KeychainFailureCause } from '../../../src-main/adapters/keytar-secret-store'

const here = fileURLToPath(new URL('.', import.meta.url))
const root = join(here, '../../..')
const KEY = `sk_live_${'DegradedCanary'.padEnd(32, '2')}`

function runChild(env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures/degraded-child.ts')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const killer = setTimeout(() => child.kill('SIGKILL'), 25_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(killer)
      resolve({ code, out, err })
    })
  })
}

describe('keychain unavailable (no D-Bus session, no display)', () => {
  it("reports unavailable/error as the keychain's own answer, not a timeout, and the vault keeps the key in memory", async () => {
    const runtime = mkdtempSync(join(tmpdir(), 'krev-nobus-'))
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, CANARY_KEY: KEY, XDG_RUNTIME_DIR: runtime }
      // No bus address, no X11/Wayland display; an empty runtime dir so no systemd user bus
      // is found either (on a developer desktop).
      delete env.DBUS_SESSION_BUS_ADDRESS
      delete env.DISPLAY
      delete env.WAYLAND_DISPLAY
      const { code, out, err } = await runChild(env)
      expect(code, err).toBe(0)
      const r = JSON.parse(out) as {
        loaded: { state: string; backend: string; message?: string }
        saved: { state: string; backend: string; configured: boolean; message?: string }
        loadCause: KeychainFailureCause | null
        saveCause: KeychainFailureCause | null
        hasKeyInMemory: boolean
      }
      expect(['unavailable', 'error']).toContain(r.loaded.state)
      expect(r.loaded.message).toBeTruthy()
      // Fast because the cause is an answer (no bus, no module), not the timeout running out.
      expect(['keychain', 'module']).toContain(r.loadCause)
      expect(['keychain', 'module']).toContain(r.saveCause)
      expect(r.saved).toMatchObject({ configured: true, backend: 'memory' })
      expect(r.saved.message).toMatch(/session only/)
      expect(r.hasKeyInMemory).toBe(true)
      expect(out + err).not.toContain('DegradedCanary')
    } finally {
      rmSync(runtime, { recursive: true, force: true })
    }
  })
})
