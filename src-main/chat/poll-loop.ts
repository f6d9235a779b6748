import { nextInterval as adaptiveNext } from '../core/adaptive-interval'

/**
 * The timing of one chat run's polling, kept apart from what a poll does.
 *
 * While the run answers, the interval adapts (core/adaptive-interval.ts): ~1 s at first,
 * ×1.5 per unchanged answer up to ~6 s, back to ~1 s as soon as something changes, so
 * a working agent feels live and a long queue wait costs few requests. When a poll
 * fails (offline, Krev down), the wait doubles from 5 s up to a 1-minute cap and never
 * grows faster than that: no retry storm, and the run is never dropped. A `wake()`
 * (connection back, app resumed) cuts any wait short.
 */

export interface PollTiming {
  initialMs: number
  maxMs: number
  growth: number
  errorBaseMs: number
  errorMaxMs: number
}

export const DEFAULT_POLL_TIMING: PollTiming = {
  initialMs: 1_000,
  maxMs: 6_000,
  growth: 1.5,
  errorBaseMs: 5_000,
  errorMaxMs: 60_000
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>
/** What one poll found: keep the pace fast, slow down, or stop. */
export type PollOutcome = 'changed' | 'same' | 'done'
export type ErrorVerdict = 'retry' | 'stop'

export function nextInterval(current: number, outcome: Exclude<PollOutcome, 'done'>, t: PollTiming): number {
  return adaptiveNext(current, outcome === 'changed', t)
}

export function errorDelay(failures: number, t: PollTiming): number {
  return Math.min(t.errorMaxMs, t.errorBaseMs * 2 ** Math.max(0, failures - 1))
}

export interface Waker {
  /** Sleeps `ms`, or less if woken or aborted; never rejects. */
  nap(ms: number, signal: AbortSignal): Promise<void>
  wakeAll(): void
}

export function createWaker(sleep: Sleep): Waker {
  const sleepers = new Set<() => void>()
  return {
    nap(ms, signal) {
      if (signal.aborted) return Promise.resolve()
      return new Promise<void>((resolve) => {
        // Its own controller: a woken nap cancels its timer instead of leaving it running.
        const timer = new AbortController()
        const done = () => {
          sleepers.delete(done)
          signal.removeEventListener('abort', done)
          timer.abort()
          resolve()
        }
        sleepers.add(done)
        signal.addEventListener('abort', done, { once: true })
        sleep(ms, timer.signal).then(done, done)
      })
    },
    wakeAll() {
      for (const wake of [...sleepers]) wake()
    }
  }
}

export interface PollLoopOptions {
  signal: AbortSignal
  waker: Waker
  timing: PollTiming
  /** Called with each failure and the count of failures in a row. */
  onError: (error: unknown, failures: number) => Promise<ErrorVerdict>
}

/** Waits, polls, adapts, until `step` says done, `onError` says stop, or `signal` aborts. */
export async function pollLoop(step: (signal: AbortSignal) => Promise<PollOutcome>, opts: PollLoopOptions): Promise<void> {
  const { signal, waker, timing } = opts
  let interval = timing.initialMs
  let failures = 0
  for (;;) {
    await waker.nap(failures ? errorDelay(failures, timing) : interval, signal)
    if (signal.aborted) return
    let outcome: PollOutcome
    try {
      outcome = await step(signal)
    } catch (error) {
      if (signal.aborted) return
      failures++
      if ((await opts.onError(error, failures)) === 'stop') return
      continue
    }
    if (outcome === 'done' || signal.aborted) return
    // After an outage, start fast again: the run has most likely moved on meanwhile.
    interval = failures ? timing.initialMs : nextInterval(interval, outcome, timing)
    failures = 0
  }
}
