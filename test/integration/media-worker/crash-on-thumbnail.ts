import type { MediaWorkerClient } from '../../../src-main/media-worker/client'
import { MEDIA_OP_NAMES, type MediaOps } from '../../../src-main/media-worker/media-ops'
import type { OpName } from '../../../src-main/media-worker/protocol'

/** The real worker's ops, with the worker SIGKILLed right after the first `op` request went out. */
export function crashOnFirst(worker: MediaWorkerClient, op: OpName): MediaOps {
  let killNext = true
  const ops: Record<string, (...args: unknown[]) => Promise<unknown>> = {}
  for (const name of MEDIA_OP_NAMES) {
    ops[name] = (...args) => {
      const call = worker.call(name, args)
      if (name === op && killNext && worker.worker.pid) process.kill(worker.worker.pid, 'SIGKILL')
      if (name === op) killNext = false
      return call
    }
  }
  return ops as unknown as MediaOps
}

export const crashOnFirstThumbnail = (worker: MediaWorkerClient): MediaOps => crashOnFirst(worker, 'thumbnail')
