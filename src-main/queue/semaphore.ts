import { cancelled } from '../krev/errors'

/**
 * At most `limit()` holders at a time, first come first served. The limit is read on each
 * acquire so a changed setting (downloadConcurrency) applies to the next download.
 */
export interface Semaphore {
  acquire(signal?: AbortSignal): Promise<() => void>
}

export function createSemaphore(limit: () => number): Semaphore {
  let held = 0
  const waiters: Array<() => void> = []

  const release = () => {
    held--
    const next = waiters.shift()
    if (next) next()
  }
  const max = () => Math.max(1, Math.floor(limit()) || 1)

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(cancelled())
      if (held < max()) {
        held++
        return Promise.resolve(once(release))
      }
      return new Promise((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', onAbort)
          held++
          resolve(once(release))
        }
        const onAbort = () => {
          const i = waiters.indexOf(grant)
          if (i >= 0) waiters.splice(i, 1)
          reject(cancelled())
        }
        waiters.push(grant)
        signal?.addEventListener('abort', onAbort, { once: true })
      })
    }
  }
}

function once(fn: () => void): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    fn()
  }
}
