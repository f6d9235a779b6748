import { join } from 'node:path'
import type { Logger } from '../core/logger'
import { startSandbox, type SandboxHandle } from '../sandbox'

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
      return { baseUrl: handle.baseUrl, key: handle.key }
    },
    async close() {
      await handle?.close()
      handle = null
    }
  }
}
