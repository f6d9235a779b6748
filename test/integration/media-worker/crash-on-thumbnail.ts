import type { MediaWorkerClient } from '../../../src-main/media-worker/client'
import type { MediaOps } from '../../../src-main/media-worker/media-ops'

/** The real worker's ops, with the worker SIGKILLed right after the first thumbnail request went out. */
export function crashOnFirstThumbnail(worker: MediaWorkerClient): MediaOps {
  let killNext = true
  return {
    imageInfo: (...args) => worker.ops.imageInfo(...args),
    thumbnail: (...args) => {
      const call = worker.ops.thumbnail(...args)
      if (killNext && worker.worker.pid) process.kill(worker.worker.pid, 'SIGKILL')
      killNext = false
      return call
    }
  }
}
