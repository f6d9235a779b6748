import { describe, expect, it } from 'vitest'
import { assetBaseName, MAX_NAME_CHARS, monthOf, safeBase } from '../../../src-main/library/library-names'

/** Library folder names: readable, and safe on Windows, macOS and Linux whatever the prompt says. */

const name = (prompt: string, over: { id?: string; productName?: string; createdAt?: string } = {}) =>
  assetBaseName({ id: over.id ?? 'job_7f3a9c21-0', createdAt: over.createdAt ?? '2026-03-01T10:00:00.000Z', prompt, productName: over.productName ?? null }, 'png')

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const UNSAFE = /[\u0000-\u001f<>:"/\\|?*]/

describe('library names', () => {
  it('reads as date - product - prompt - short id', () => {
    expect(name('Red sneakers on marble', { productName: 'Tan bag' })).toBe('2026-03-01 - Tan bag - Red sneakers on marble - f3a9c210')
    expect(monthOf('2026-03-01T10:00:00.000Z')).toBe('2026-03')
  })

  it.each([
    ['../../etc/passwd', '2026-03-01 - .. .. etc passwd - f3a9c210'],
    ['C:\\Windows\\system32', '2026-03-01 - C Windows system32 - f3a9c210'],
    ['a<b>c:d"e|f?g*h', '2026-03-01 - a b c d e f g h - f3a9c210'],
    ['tab\tnew\nline\u0000nul\u202ertl', '2026-03-01 - tab new line nul rtl - f3a9c210']
  ])('never lets %j put a path, device or control character in', (prompt, expected) => {
    const out = name(prompt)
    expect(out).toBe(expected)
    expect(out).not.toMatch(UNSAFE)
  })

  it('Windows device names, trailing dots and spaces, and empty names are made safe', () => {
    for (const device of ['CON', 'nul', 'COM1', 'lpt9', 'AUX.txt', 'con.tar.gz']) expect(safeBase(device, 120).startsWith('_')).toBe(true)
    expect(safeBase('name. . ', 120)).toBe('name')
    expect(safeBase('...', 120)).toBe('_')
    expect(safeBase('', 120)).toBe('_')
  })

  it('stays within 120 characters and 200 bytes with the sidecar suffix, never cutting a character in half', () => {
    for (const prompt of ['x'.repeat(500), '😀'.repeat(300), 'é'.repeat(300), '山'.repeat(300)]) {
      const out = name(prompt, { productName: 'P'.repeat(200) })
      expect(`${out}.krev.json`.length).toBeLessThanOrEqual(MAX_NAME_CHARS)
      expect(Buffer.byteLength(`${out}.krev.json`)).toBeLessThanOrEqual(210)
      expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
      expect(out.endsWith(' - f3a9c210')).toBe(true)
    }
  })

  it('is NFC: a decomposed é is stored composed', () => {
    expect(name('Cafe\u0301')).toContain('Caf\u00e9')
  })
})
