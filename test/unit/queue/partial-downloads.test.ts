import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { partialFor, sweepPartials } from '../../../src-main/queue/partial-downloads'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const staging = () => {
  const d = mkdtempSync(join(tmpdir(), 'krev-partials-'))
  dirs.push(d)
  return d
}

describe('partial downloads in the staging folder', () => {
  it('names a fresh partial per output and finds it again (a restart continues it)', async () => {
    const dir = join(staging(), 'downloads')
    const a = await partialFor(dir, 'job1-0')
    expect(basename(a)).toMatch(/^\.job1-0\.[0-9a-f]{12}\.part$/)
    writeFileSync(a, 'half')
    expect(await partialFor(dir, 'job1-0')).toBe(a)
    // Output 1 of the same job, and output 10, are other files.
    expect(await partialFor(dir, 'job1-1')).not.toBe(a)
    writeFileSync(join(dir, '.job1-10.0123456789ab.part'), 'x')
    expect(await partialFor(dir, 'job1-1')).not.toBe(join(dir, '.job1-10.0123456789ab.part'))
  })

  it('sweeps partials no unfinished job will continue, their meta, and cut-short meta writes', async () => {
    const dir = staging()
    const names = [
      '.keep-0.0123456789ab.part',
      '.keep-0.0123456789ab.part.json',
      '.done-1.0123456789ab.part',
      '.done-1.0123456789ab.part.json',
      '.gone-0.aaaaaaaaaaaa.part',
      '..keep-0.0123456789ab.part.json.3f2a1b.tmp',
      'not-ours.txt'
    ]
    for (const n of names) writeFileSync(join(dir, n), 'x')
    const swept = await sweepPartials(dir, (jobId) => jobId === 'keep')
    expect(swept).toBe(4)
    expect(readdirSync(dir).sort()).toEqual(['.keep-0.0123456789ab.part', '.keep-0.0123456789ab.part.json', 'not-ours.txt'])
    expect(await sweepPartials(join(dir, 'missing'), () => false)).toBe(0)
  })
})
