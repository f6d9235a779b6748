import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronBinary } from '../e2e/support/electron-binary'

describe('npm start without Electron’s binary', () => {
  it.skipIf(electronBinary() !== null)('explains itself and points to preview:web instead of a stack trace', () => {
    const run = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../scripts/start.mjs')], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain("Electron's binary is not installed")
    expect(run.stderr).toContain('npm run preview:web')
    expect(run.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })
})
