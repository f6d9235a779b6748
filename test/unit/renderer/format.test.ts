import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  formatCredits,
  formatDate,
  formatNumber,
  formatRelative,
  middleTruncate,
  percent,
  plural
} from '../../../src-renderer/src/lib/format'

describe('format helpers', () => {
  it('formats numbers and credits with grouping', () => {
    expect(formatNumber(1840, 'en-US')).toBe('1,840')
    expect(formatCredits(1840, 'en-US')).toBe('1,840 credits')
    expect(formatCredits(1, 'en-US')).toBe('1 credit')
  })

  it('formats bytes in binary units like Krev does', () => {
    expect(formatBytes(524288000, 'en-US')).toBe('500 MB')
    expect(formatBytes(2147483648, 'en-US')).toBe('2 GB')
    expect(formatBytes(1536, 'en-US')).toBe('1.5 KB')
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(-5)).toBe('0 B')
    expect(formatBytes(Number.NaN)).toBe('0 B')
    expect(formatBytes(512, 'en-US')).toBe('512 B')
  })

  it('computes a safe percentage', () => {
    expect(percent(1840, 2500)).toBeCloseTo(73.6)
    expect(percent(10, 0)).toBe(0)
    expect(percent(3000, 2500)).toBe(100)
    expect(percent(-1, 10)).toBe(0)
  })

  it('formats relative times both ways', () => {
    const now = Date.parse('2026-02-14T12:00:00Z')
    expect(formatRelative('2026-02-14T12:00:10Z', now, 'en-US')).toBe('just now')
    expect(formatRelative('2026-02-17T12:00:00Z', now, 'en-US')).toBe('in 3 days')
    expect(formatRelative('2026-02-14T10:00:00Z', now, 'en-US')).toBe('2 hours ago')
    expect(formatRelative('not a date', now)).toBe('')
  })

  it('formats dates in a given zone', () => {
    expect(formatDate('2026-03-01T00:00:00Z', 'en-US', 'UTC')).toBe('Mar 1, 2026')
    expect(formatDate('nope')).toBe('')
  })

  it('pluralises and truncates', () => {
    expect(plural(1, 'image')).toBe('1 image')
    expect(plural(4, 'image')).toBe('4 images')
    expect(middleTruncate('short')).toBe('short')
    const t = middleTruncate('/Users/maya/Pictures/Krev Studio/2026/February/very-long-folder', 20)
    expect(t).toHaveLength(20)
    expect(t).toContain('…')
  })
})
