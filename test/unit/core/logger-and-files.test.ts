import { describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFileLogger, redact } from '../../../src-main/core/logger'
import { readJsonOr, writeJsonAtomic } from '../../../src-main/core/atomic-file'

describe('logger', () => {
  it('masks API keys and bearer tokens whatever the caller passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'krev-log-'))
    const log = createFileLogger(dir)
    log.error('failed', { header: 'Authorization: Bearer sk_live_abcdefghijklmnop1234', nested: { key: 'sk_live_zzzzzzzzzzzzzzzz' } })
    const text = readFileSync(join(dir, 'studio.log'), 'utf8')
    expect(text).not.toContain('abcdefghijklmnop1234')
    expect(text).not.toContain('zzzzzzzzzzzzzzzz')
    expect(text).toContain('[redacted]')
    expect(redact('Bearer abc.def')).toBe('Bearer [redacted]')
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
