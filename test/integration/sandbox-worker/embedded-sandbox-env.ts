import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach } from 'vitest'
import { silentLogger } from '../../../src-main/core/logger'
import { spawnNodeWorker } from '../../../src-main/media-worker/node-spawner'
import type { SandboxProcess } from '../../../src-main/sandbox-worker/sandbox-process'
import { embeddedSandbox } from '../../../src-main/studio/embedded-sandbox'

const worker = { spawn: spawnNodeWorker, entryPath: fileURLToPath(new URL('../../../src-main/sandbox-worker/entry.ts', import.meta.url)) }

/**
 * The studio's embedded sandbox (its worker run from source) on a new temporary folder
 * `<prefix>…`, created with the environment variable `name` set to `value(folder)`; not yet
 * started (`ensure()` starts it). After each test of the file: the sandbox closed, the
 * folder removed and `name` back as it was.
 */
export function embeddedSandboxWithEnv(
  name: string,
  prefix: string
): (value: (dir: string) => string, faultsFromEnv: boolean) => Promise<SandboxProcess> {
  let sandbox: SandboxProcess | null = null
  let dir: string | null = null
  const saved = process.env[name]
  afterEach(async () => {
    await sandbox?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
    if (saved === undefined) delete process.env[name]
    else process.env[name] = saved
  })
  return async (value, faultsFromEnv) => {
    dir = await mkdtemp(join(tmpdir(), prefix))
    process.env[name] = value(dir)
    sandbox = embeddedSandbox(dir, silentLogger, { worker, faultsFromEnv })
    return sandbox
  }
}
