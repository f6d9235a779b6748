import { createRateLimiter, type RateLimiterOptions, type SharedRateLimiter } from '../krev/rate-limiter'

/**
 * The one rate limiter of the app, observable. Passed to the Krev client factory (so the
 * client's own 429 retries wait in it, for every feature) and to the queue, which hears
 * about each penalty and shows when waiting jobs resume, even while a 429 is being retried
 * inside the client.
 */

export interface ObservableLimiter extends SharedRateLimiter {
  /** Called with the epoch ms the gate reopens, after every penalty. */
  onPenalize(listener: (untilMs: number) => void): () => void
}

export function createObservableLimiter(opts: RateLimiterOptions = {}): ObservableLimiter {
  const inner = createRateLimiter(opts)
  const listeners = new Set<(untilMs: number) => void>()
  return {
    acquire: (signal) => inner.acquire(signal),
    blockedUntil: () => inner.blockedUntil(),
    penalize(ms) {
      inner.penalize(ms)
      const until = inner.blockedUntil()
      if (!until) return
      for (const listener of listeners) {
        try {
          listener(until)
        } catch {
          // A listener's bug must not break the request that was rate limited.
        }
      }
    },
    onPenalize(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
