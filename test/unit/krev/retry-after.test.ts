import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../src-main/krev/retry-after'

const NOW = Date.parse('2026-02-14T12:00:00Z')

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0)
    expect(parseRetryAfter('3', NOW)).toBe(3000)
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000)
  })

  it('reads an HTTP-date relative to now (IMF-fixdate, RFC 850, asctime)', () => {
    expect(parseRetryAfter('Sat, 14 Feb 2026 12:00:30 GMT', NOW)).toBe(30_000)
    expect(parseRetryAfter('Saturday, 14-Feb-26 12:01:00 GMT', NOW)).toBe(60_000)
    expect(parseRetryAfter('Sat Feb 14 12:00:10 2026', NOW - new Date(NOW).getTimezoneOffset() * 60_000)).toBeTypeOf(
      'number'
    )
  })

  it('treats a date in the past as "now"', () => {
    expect(parseRetryAfter('Sat, 14 Feb 2026 11:00:00 GMT', NOW)).toBe(0)
  })

  it.each([
    ['soon'],
    ['-5'],
    ['1.5e3'],
    ['3 seconds'],
    ['0x10'],
    [''],
    ['Someday, 99 Foo 2026 99:99:99 GMT'],
    ['Sat, 14 Feb 2026 12:00:30 GMT; DROP TABLE']
  ])('ignores garbage %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined()
  })

  it('ignores absent, negative numbers and contradicting duplicates', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined()
    expect(parseRetryAfter(null, NOW)).toBeUndefined()
    expect(parseRetryAfter(-1, NOW)).toBeUndefined()
    expect(parseRetryAfter(['1', '2'], NOW)).toBeUndefined()
    expect(parseRetryAfter(['7'], NOW)).toBe(7000)
  })

  it('clamps huge values (seconds or far dates) to the maximum', () => {
    expect(parseRetryAfter('999999999999', NOW)).toBe(DEFAULT_MAX_RETRY_AFTER_MS)
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', NOW)).toBe(DEFAULT_MAX_RETRY_AFTER_MS)
    expect(parseRetryAfter('3600', NOW, 60_000)).toBe(60_000)
  })
})
