/**
 * Simulated time for many concurrent sleepers: `sleep` parks a caller until the clock
 * reaches its wake-up time, and `runUntil` moves the clock from one wake-up to the next,
 * letting every promise chain settle in between. Minutes pass in milliseconds.
 */
export interface VirtualClock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  runUntil(end: number): Promise<void>
}

export function virtualClock(start = 0): VirtualClock {
  let t = start
  let seq = 0
  const timers: { at: number; seq: number; wake: () => void }[] = []
  const settle = () => new Promise<void>((ok) => setImmediate(ok))
  return {
    now: () => t,
    sleep: (ms, signal) =>
      new Promise<void>((ok, fail) => {
        if (signal?.aborted) return fail(new Error('aborted'))
        timers.push({ at: t + Math.max(0, ms), seq: seq++, wake: ok })
      }),
    async runUntil(end) {
      for (;;) {
        await settle()
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
        const next = timers[0]
        if (!next || next.at > end) {
          t = Math.max(t, end)
          return
        }
        timers.shift()
        t = next.at
        next.wake()
      }
    }
  }
}
