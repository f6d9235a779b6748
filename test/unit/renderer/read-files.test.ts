import { describe, expect, it } from 'vitest'
import { checkFile, MAX_UPLOAD_BYTES, mimeFor, stripDataUrl } from '../../../src-renderer/src/features/products/read-files'

describe('product photo checks', () => {
  it('accepts JPG, PNG and WebP by type or extension', () => {
    expect(mimeFor('a.jpg', 'image/jpeg')).toBe('image/jpeg')
    expect(mimeFor('A.WEBP', '')).toBe('image/webp')
    expect(mimeFor('scan.heic', 'image/heic')).toBeNull()
  })

  it('explains why a file is refused', () => {
    expect(checkFile({ name: 'a.png', type: 'image/png', size: 1000 })).toBeNull()
    expect(checkFile({ name: 'a.gif', type: 'image/gif', size: 1000 })).toMatch(/JPG, PNG and WebP/)
    expect(checkFile({ name: 'a.png', type: 'image/png', size: 0 })).toMatch(/empty/)
    expect(checkFile({ name: 'a.png', type: 'image/png', size: MAX_UPLOAD_BYTES + 1 })).toMatch(/20 MB/)
  })

  it('strips the data URL prefix', () => {
    expect(stripDataUrl('data:image/png;base64,AAAA')).toBe('AAAA')
    expect(stripDataUrl('AAAA')).toBe('AAAA')
  })
})
