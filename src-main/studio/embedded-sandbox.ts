import { join } from 'node:path'
import type { Logger } from '../core/logger'
import type { SpawnWorker } from '../media-worker/channel'
import { validateRule, type FaultRule } from '../sandbox/faults'
import { sandboxProcess, type SandboxProcess } from '../sandbox-worker/sandbox-process'

/**
 * e2e runs start the studio as another process: `KREV_SANDBOX_FAULTS` (a JSON array of
 * fault rules) lets them break the built-in sandbox the way `/__sandbox/faults` would.
 */
function faultsFromEnv(): FaultRule[] {
  const raw = process.env['KREV_SANDBOX_FAULTS']
  if (!raw) return []
  const rules: unknown = JSON.parse(raw)
  if (!Array.isArray(rules)) throw new Error('KREV_SANDBOX_FAULTS must be a JSON array of fault rules')
  return rules.map(validateRule)
}

export interface EmbeddedSandboxOptions {
  /** The sandbox worker process: Electron's utilityProcess in the app, a Node fork headless. */
  worker: { spawn: SpawnWorker; entryPath: string }
  /** Whether KREV_SANDBOX_FAULTS is read: never in a packaged app, where no test drives it. */
  faultsFromEnv: boolean
}

/**
 * The built-in sandbox the studio runs on by default: the same local Krev API as
 * `npm run sandbox`, on a random loopback port, with its own data folder so sandbox
 * products and generations never mix with real ones. Started on first use, in its own
 * worker process (sandbox-worker/sandbox-process.ts): main never loads its renderers.
 */
export function embeddedSandbox(dataDir: string, logger: Logger, options: EmbeddedSandboxOptions): SandboxProcess {
  return sandboxProcess({
    ...options.worker,
    dataDir: join(dataDir, 'sandbox'),
    speed: Number(process.env['KREV_SANDBOX_SPEED'] ?? 1) || 1,
    faults: options.faultsFromEnv ? faultsFromEnv() : [],
    // e2e runs read the request record (GET /__sandbox/requests) through this file.
    ...(options.faultsFromEnv && process.env['KREV_SANDBOX_ADMIN_FILE'] ? { adminFile: process.env['KREV_SANDBOX_ADMIN_FILE'] } : {}),
    logger
  })
}
