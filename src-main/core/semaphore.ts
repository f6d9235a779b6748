import { cancelled } from '../krev/errors'

/**
 * The one limiter: at most `limit()` holders at a time, first come first served. The limit
 * is read on each acquire so a changed setting (downloadConcurrency) applies to the next
 * download. The queue's downloads and the sandbox's renders both wait here.
 */
export interface Semaphore {
  acquire(signal?: AbortSignal): Promise<() => void>
  /** Runs `task` holding one place, released however the task ends. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>
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

  const semaphore: Semaphore = {
    async run(task, signal) {
      const release = await semaphore.acquire(signal)
      try {
        return await task()
      } finally {
        release()
      }
    },
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
  return semaphore
}

function once(fn: () => void): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    fn()
  }
}
