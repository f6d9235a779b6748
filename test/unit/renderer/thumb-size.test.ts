import { describe, expect, it } from 'vitest'
import { readThumbSize, THUMB_SIZE } from '../../../src-renderer/src/features/library/thumb-size'

const stored = (value: string | null) => ({ getItem: () => value })

describe('thumbnail size', () => {
  it('reads the stored size, and the default when none, junk or out of range', () => {
    expect(readThumbSize(stored('280'))).toBe(280)
    expect(readThumbSize(stored(null))).toBe(THUMB_SIZE.initial)
    expect(readThumbSize(stored('big'))).toBe(THUMB_SIZE.initial)
    expect(readThumbSize(stored(String(THUMB_SIZE.max + 1)))).toBe(THUMB_SIZE.initial)
    expect(readThumbSize(undefined)).toBe(THUMB_SIZE.initial)
  })
})
