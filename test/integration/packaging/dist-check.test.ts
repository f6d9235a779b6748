// Runs `npm run dist:check`'s script end to end: a Linux `dir` package built against a
// stand-in Electron dist, inspected with @electron/asar and booted under an Electron double.
// Needs out/ (npm test builds it first). About 10 s on 2 cores.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../..')

describe('dist:check', () => {
  it.skipIf(!existsSync(resolve(root, 'out/main/index.js')))(
    'packages the app and every packaging check passes',
    () => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dist-check.ts'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 110_000
      })
      const output = `${run.stdout}\n${run.stderr}`
      expect(output, output).toContain('dist:check passed')
      expect(run.status, output).toBe(0)
      expect(output).not.toContain('✘')
      expect(output).toMatch(/Package size .*app\.asar [\d.]+ MiB \+ app\.asar\.unpacked [\d.]+ MiB/)
      expect(output).toMatch(/✔ packaged main boots .* answers app\.ping/)
    },
    120_000
  )
})
