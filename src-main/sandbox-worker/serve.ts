import { writeFile } from 'node:fs/promises'
import sharp from 'sharp'
import { buildOf } from '../media-worker/load-sharp'
import { startSandbox, type SandboxHandle } from '../sandbox'
import type { ParentPort } from '../media-worker/parent-port'
import { isToSandbox, type FromSandbox, type SandboxStart } from './protocol'

/**
 * The worker's side: starts the sandbox when main says so and reports where it listens;
 * on `close`, stops it (renders killed, state flushed) and exits.
 */
export function serveSandbox(port: ParentPort<FromSandbox>): void {
  let handle: SandboxHandle | null = null

  async function start(options: SandboxStart): Promise<void> {
    try {
      handle = await startSandbox({
        port: options.port,
        dataDir: options.dataDir,
        persistKey: true,
        speed: options.speed,
        log: (line) => port.send({ type: 'log', line })
      })
      for (const rule of options.faults) handle.faults.set(rule)
      // Written before `listening`: a test that sees the studio up can read it.
      if (options.adminFile) {
        await writeFile(options.adminFile, JSON.stringify({ baseUrl: handle.baseUrl, adminToken: handle.adminToken }), { mode: 0o600 })
      }
      port.send({ type: 'listening', baseUrl: handle.baseUrl, port: handle.port, key: handle.key })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      port.send({ type: 'failed', message: error instanceof Error ? error.message : String(error), ...(code ? { code } : {}) })
    }
  }

  port.onMessage((message) => {
    if (!isToSandbox(message)) return
    if (message.type === 'start' && !handle) void start(message.options)
    if (message.type === 'close') void (handle?.close() ?? Promise.resolve()).finally(() => process.exit(0))
  })
  port.send({ type: 'ready', pid: process.pid, sharpBuild: buildOf(sharp) })
}
