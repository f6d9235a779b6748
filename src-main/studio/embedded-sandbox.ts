import { join } from 'node:path'
import type { Logger } from '../core/logger'
import { startSandbox, type FaultRule, type SandboxHandle } from '../sandbox'
import { validateRule } from '../sandbox/faults'

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

/**
 * The built-in sandbox the studio runs on by default: the same local Krev API as
 * `npm run sandbox`, on a random loopback port, with its own data folder so sandbox
 * products and generations never mix with real ones. Started on first use.
 */
export function embeddedSandbox(dataDir: string, logger: Logger): {
  ensure(): Promise<{ baseUrl: string; key: string }>
  close(): Promise<void>
} {
  let handle: SandboxHandle | null = null
  return {
    async ensure() {
      handle ??= await startSandbox({
        port: 0,
        dataDir: join(dataDir, 'sandbox'),
        persistKey: true,
        speed: Number(process.env['KREV_SANDBOX_SPEED'] ?? 1) || 1,
        log: (line) => logger.info(`sandbox: ${line}`)
      })
      for (const rule of faultsFromEnv()) handle.faults.set(rule)
      return { baseUrl: handle.baseUrl, key: handle.key }
    },
    async close() {
      await handle?.close()
      handle = null
    }
  }
}
