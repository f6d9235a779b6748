import { describe, expect, it } from 'vitest'
import { parseByteRange } from '../../../src-main/core/byte-range'

describe('parseByteRange (RFC 9110), shared by the media handler and the sandbox', () => {
  it.each([
    [undefined, null],
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=10-', { start: 10, end: 35 }],
    ['bytes=-6', { start: 30, end: 35 }],
    ['bytes=-100', { start: 0, end: 35 }],
    ['bytes=30-999', { start: 30, end: 35 }],
    ['bytes=36-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=9-3', null],
    ['bytes=0-1,4-5', null],
    ['items=0-1', null],
    ['bytes=-', null],
    ['bytes=abc', null],
    ['BYTES = 2 - 4', { start: 2, end: 4 }]
  ])('%s → %j', (header, expected) => {
    expect(parseByteRange(header, 36)).toEqual(expected)
  })
})
