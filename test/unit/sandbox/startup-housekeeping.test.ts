import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox } from '../../../src-main/sandbox'
import { DEFAULT_KEY_FILE, STALE_RENDER_MS, sweepStaleRenderDirs } from '../../../src-main/sandbox/startup-housekeeping'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'krev-housekeeping-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('sandbox start housekeeping (issue 8)', () => {
  it('a persistent data dir keeps one default key across starts, in a 0600 file', async () => {
    const dataDir = join(dir, 'data')
    const first = await startSandbox({ port: 0, dataDir, ffmpegPath: null, persistKey: true })
    await first.close()
    const second = await startSandbox({ port: 0, dataDir, ffmpegPath: null, persistKey: true })
    await second.close()
    expect(second.key).toBe(first.key)
    const file = join(dataDir, DEFAULT_KEY_FILE)
    expect(readFileSync(file, 'utf8').trim()).toBe(first.key)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('sweeps stale krev-sandbox-video-* folders left by killed renders, and only those', async () => {
    const stale = join(dir, 'krev-sandbox-video-old')
    const fresh = join(dir, 'krev-sandbox-video-new')
    const other = join(dir, 'someone-else-old')
    for (const d of [stale, fresh, other]) mkdirSync(d)
    const old = (Date.now() - STALE_RENDER_MS - 60_000) / 1000
    utimesSync(stale, old, old)
    utimesSync(other, old, old)
    expect(await sweepStaleRenderDirs(Date.now(), dir)).toBe(1)
    expect(() => statSync(stale)).toThrow()
    expect(statSync(fresh).isDirectory()).toBe(true)
    expect(statSync(other).isDirectory()).toBe(true)
  })
})
