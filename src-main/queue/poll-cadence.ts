import type { PollTiming } from './generation-poller'

/**
 * How often the queue's pollers ask, together. Each generation's own interval adapts (see
 * generation-poller.ts); this stretches it so that however many jobs are being followed,
 * their GETs together stay within `budgetPerSecond`, and spreads them by ±`jitter` so
 * pollers started together never stay in lockstep. Krev limits requests per user, not per
 * key: four pollers at 1 s each, in step, drain the sandbox's bucket (refill 2/s) in ~18 s.
 */

export interface PollCadence {
  /** A generation starts being followed; call the answer when it stops (idempotent). */
  join(): () => void
  /** The wait before one generation's next GET, from its own adaptive interval. */
  delay(intervalMs: number): number
  /** How many generations are being followed now. */
  active(): number
}

export function createPollCadence(timing: Pick<PollTiming, 'budgetPerSecond' | 'jitter'>, random: () => number = Math.random): PollCadence {
  let active = 0
  const jitter = Math.min(Math.max(timing.jitter, 0), 0.9)
  const budget = timing.budgetPerSecond > 0 ? timing.budgetPerSecond : Number.POSITIVE_INFINITY
  return {
    join() {
      active++
      let left = false
      return () => {
        if (left) return
        left = true
        active--
      }
    },
    delay(intervalMs) {
      const shared = (Math.max(1, active) * 1000) / budget
      const spread = 1 + jitter * (2 * Math.min(Math.max(random(), 0), 1) - 1)
      return Math.round(Math.max(intervalMs, shared) * spread)
    },
    active: () => active
  }
}
