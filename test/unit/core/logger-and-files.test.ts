import { describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFileLogger, redact } from '../../../src-main/core/logger'
import { readJsonOr, writeJsonAtomic } from '../../../src-main/core/atomic-file'

describe('logger', () => {
  it('masks API keys and bearer tokens whatever the caller passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'krev-log-'))
    const log = createFileLogger(dir)
    log.error('failed', { header: 'Authorization: Bearer sk_live_abcdefghijklmnop1234', nested: { key: 'sk_live_zzzzzzzzzzzzzzzz' } })
    await log.flush()
    const text = readFileSync(join(dir, 'studio.log'), 'utf8')
    expect(text).not.toContain('abcdefghijklmnop1234')
    expect(text).not.toContain('zzzzzzzzzzzzzzzz')
    expect(text).toContain('[redacted]')
    expect(redact('Bearer abc.def')).toBe('Bearer [redacted]')
  })
})

describe('log rotation', () => {
  const lines = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8').trim().split('\n')

  it('rotates by size, keeps the newest files and every line in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'krev-log-'))
    const log = createFileLogger(dir, { rotation: { maxBytes: 400, keep: 2 } })
    for (let i = 0; i < 40; i++) log.info(`line ${String(i).padStart(2, '0')}`)
    await log.flush()
    expect(readdirSync(dir).sort()).toEqual(['studio.1.log', 'studio.2.log', 'studio.log'])
    const all = [...lines(dir, 'studio.2.log'), ...lines(dir, 'studio.1.log'), ...lines(dir, 'studio.log')]
    const numbers = all.map((l) => Number(/line (\d+)/.exec(l)?.[1]))
    // The oldest lines went with the deleted files; what is kept is contiguous and ends at the last line.
    expect(numbers.at(-1)).toBe(39)
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i))
    for (const name of ['studio.1.log', 'studio.2.log']) expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(400 + 80)
  })

  it('starts a new file when the current one is a day old, and deletes rotated files past the age limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'krev-log-'))
    const now = Date.now()
    writeFileSync(join(dir, 'studio.log'), 'yesterday\n')
    writeFileSync(join(dir, 'studio.1.log'), 'last month\n')
    const old = (now - 30 * 24 * 3600_000) / 1000
    utimesSync(join(dir, 'studio.1.log'), old, old)
    const log = createFileLogger(dir, { rotation: { maxFileAgeMs: 60_000, maxAgeDays: 14, now: () => now + 120_000 } })
    log.info('today')
    await log.flush()
    expect(readdirSync(dir).sort()).toEqual(['studio.1.log', 'studio.log'])
    expect(lines(dir, 'studio.1.log')).toEqual(['yesterday'])
    expect(lines(dir, 'studio.log')).toHaveLength(1)
    expect(lines(dir, 'studio.log')[0]).toContain('today')
  })
})

describe('atomic files', () => {
  it('writes whole files and leaves no temp file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'krev-atomic-'))
    const file = join(dir, 'state.json')
    await writeJsonAtomic(file, { a: 1 })
    await writeJsonAtomic(file, { a: 2 })
    expect(await readJsonOr(file, null)).toEqual({ a: 2 })
    expect(readdirSync(dir)).toEqual(['state.json'])
    expect(await readJsonOr(join(dir, 'missing.json'), 'fallback')).toBe('fallback')
  })
})
