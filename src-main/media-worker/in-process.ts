import { createImageOps } from './image-ops'
import { loadSharp } from './load-sharp'
import type { MediaOps } from './media-ops'

/**
 * The image ops in this very process, for callers with no worker (unit tests, tools): sharp
 * is loaded on first use, through load-sharp, so the build rule still holds.
 */
export function inProcessMediaOps(): MediaOps {
  let ops: MediaOps | null = null
  const get = (): MediaOps => (ops ??= createImageOps(loadSharp().sharp))
  return {
    imageInfo: (...args) => get().imageInfo(...args),
    thumbnail: (...args) => get().thumbnail(...args),
    verifyImage: (...args) => get().verifyImage(...args)
  }
}
