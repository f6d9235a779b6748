import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src-main/core/logger'
import { createKrevClient } from '../../../src-main/krev'
import { spawnNodeWorker } from '../../../src-main/media-worker/node-spawner'
import { sandboxProcess, type SandboxProcess } from '../../../src-main/sandbox-worker/sandbox-process'
import { settleGeneration } from '../../support/settle-generation'

/** The production bundle's sandbox worker (what the app hands to utilityProcess.fork), run under Node. */
const BUILT = fileURLToPath(new URL('../../../out/main/sandbox-worker.js', import.meta.url))

let sandbox: SandboxProcess | null = null
let dir: string | null = null
afterEach(async () => {
  await sandbox?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('built sandbox worker (out/main/sandbox-worker.js)', () => {
  it('renders a real image with the native build and with the forced wasm one (the Electron-on-Linux rule)', async () => {
    expect(existsSync(BUILT), 'run `npm run build` first').toBe(true)
    for (const build of ['native', 'wasm'] as const) {
      dir = await mkdtemp(join(tmpdir(), 'krev-sbw-built-'))
      sandbox = sandboxProcess({ spawn: spawnNodeWorker, entryPath: BUILT, env: { KREV_SHARP_BUILD: build }, dataDir: dir, speed: 200, faults: [], logger: silentLogger })
      const { baseUrl, key } = await sandbox.ensure()
      expect(sandbox.sharpBuild).toBe(build)
      const client = createKrevClient({ baseUrl, getKey: () => key, trustedMediaOrigins: [baseUrl] })
      const started = await client.generateImages({ prompt: 'Ceramic mug on a windowsill', aspect_ratio: '1:1' })
      const done = await settleGeneration(client, started.generation_id)
      expect(done.status).toBe('succeeded')
      const media = await client.downloadMedia(done.output!.urls[0]!, { maxBytes: 50 * 1024 * 1024, accept: ['image'] })
      const meta = await sharp(media.data).metadata()
      expect(meta.width).toBe(meta.height)
      await sandbox.close()
      sandbox = null
    }
  }, 90_000)
})
