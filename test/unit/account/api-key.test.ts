import { describe, expect, it } from 'vitest'
import { keyLast4, normalizeApiKey } from '../../../src-main/account/api-key'
import { isAppError } from '../../../src-main/core/app-error'

describe('API key format check on entry', () => {
  it('accepts a well-formed key and trims surrounding whitespace', () => {
    expect(normalizeApiKey('  sk_live_abcdefghijklmnop\n')).toBe('sk_live_abcdefghijklmnop')
    expect(normalizeApiKey(`sk_live_${'A-z_9'.repeat(40)}`)).toHaveLength(208)
  })

  it.each([
    ['empty', ''],
    ['test key', 'sk_test_abcdefghijklmnop'],
    ['too short', 'sk_live_abcdefghijklmno'],
    ['too long', `sk_live_${'a'.repeat(201)}`],
    ['inner space', 'sk_live_abcdefgh ijklmnop'],
    ['Bearer prefix', 'Bearer sk_live_abcdefghijklmnop'],
    ['quotes', '"sk_live_abcdefghijklmnop"'],
    ['unicode', 'sk_live_abcdefghijklmnöp'],
    ['newline inside', 'sk_live_abcdefgh\nijklmnop']
  ])('refuses %s with a clear message that does not repeat the input', (_label, raw) => {
    let caught: unknown
    try {
      normalizeApiKey(raw)
    } catch (error) {
      caught = error
    }
    expect(isAppError(caught)).toBe(true)
    if (!isAppError(caught)) return
    expect(caught.code).toBe('invalid_input')
    expect(caught.message).toMatch(/does not look like a Krev API key/)
    if (raw.length > 8) expect(caught.message).not.toContain(raw.trim())
  })

  it('shows only the last four characters', () => {
    expect(keyLast4('sk_live_abcdefghijklmnop')).toBe('mnop')
  })
})
