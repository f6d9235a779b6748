import { describe, expect, it, vi } from 'vitest'
import { releaseOnUnmount } from '../../../src-renderer/src/lib/release-image'

describe('releaseOnUnmount', () => {
  it('drops the src of an <img> leaving the DOM, so its load stops with it', () => {
    const img = { removeAttribute: vi.fn() }
    const cleanup = releaseOnUnmount(img as unknown as HTMLImageElement)
    expect(img.removeAttribute).not.toHaveBeenCalled()
    cleanup?.()
    expect(img.removeAttribute).toHaveBeenCalledWith('src')
    expect(releaseOnUnmount(null)).toBeUndefined()
  })
})
