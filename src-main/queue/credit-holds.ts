import type { Logger } from '../core/logger'
import type { Sleep } from './generation-poller'
import { needsPost, type JobError, type StoredJob } from './job-model'

/**
 * Credits are checked per job, not per queue. A 402 holds the job that got it, and from
 * then on every waiting job the known balance can't cover (with what is already on its way
 * to Krev) waits too, saying "needs N credits, you have M"; a job the balance covers is
 * still sent. While a job is held the balance is read again every minute (a top-up in the
 * Krev dashboard says nothing to us) and on every balance the account feature learns; a
 * job it now covers goes on by itself. With nothing held the rule is off again: the next
 * 402, if any, says so (a 402 charges nothing).
 */

export const CREDITS_CODE = 'insufficient_credits'
export const CREDITS_PROBE_MS = 60_000

export const isWaitingOnCredits = (j: Pick<StoredJob, 'error'>): boolean => j.error?.code === CREDITS_CODE

/** What a job needs: its estimate, or more when Krev refused it with that much available. */
export const neededBy = (j: StoredJob): number => Math.max(j.creditsEstimate, j.error?.credits?.needed ?? 0)

const n = (credits: number) => Math.round(credits).toLocaleString('en-US')
export const creditsMessage = (needed: number, balance: number): string =>
  `Needs ${n(needed)} credits, you have ${n(Math.max(0, balance))}.`

/**
 * The per-job affordability rule: whether `j` may be sent with `balance` known (null: not
 * known, so Krev decides) when `inFlight` credits are already on their way.
 */
export function affordable(j: StoredJob, balance: number | null, inFlight: number): boolean {
  return balance === null || neededBy(j) + inFlight <= balance
}

export function creditsError(needed: number, balance: number): JobError {
  return { code: CREDITS_CODE, message: creditsMessage(needed, balance), retryable: true, credits: { needed, balance } }
}

export interface CreditHoldsDeps {
  /** A fresh balance (GET /credits). */
  fresh(): Promise<number>
  sleep: Sleep
  /** Aborted on mode switch and shutdown. */
  life(): AbortSignal
  /** Shows a job's new state (status and error already set): persist and publish it. */
  show(j: StoredJob): void
  /** The balance changed: look at the waiting jobs again. */
  pump(): void
  logger: Logger
}

export interface CreditHolds {
  /** A 402 for `j`: reads the balance, holds the job and turns the rule on. */
  refused(j: StoredJob): Promise<void>
  /**
   * Whether `j` may be POSTed now; `inFlight` are the jobs on their way to Krev. If not, it
   * is shown waiting; if it was waiting on credits and now fits, its note is cleared.
   */
  admit(j: StoredJob, inFlight: () => Iterable<StoredJob>): boolean
  /** A balance learnt elsewhere (credits refresh, top-up): held jobs it covers go on. */
  balanceSeen(credits: number): void
  /** The pump saw every waiting job: the rule goes off when none is held. */
  settle(waiting: Iterable<StoredJob>): void
  known(): number | null
  reset(): void
}

export function createCreditHolds(deps: CreditHoldsDeps): CreditHolds {
  let balance: number | null = null
  let probe: AbortController | null = null

  function stopProbe(): void {
    probe?.abort()
    probe = null
  }

  function startProbe(): void {
    if (probe) return
    const p = new AbortController()
    probe = p
    const signal = AbortSignal.any([p.signal, deps.life()])
    void (async () => {
      while (!signal.aborted) {
        await deps.sleep(CREDITS_PROBE_MS, signal).catch(() => undefined)
        if (signal.aborted) break
        try {
          const credits = await deps.fresh()
          if (!signal.aborted) seen(credits)
        } catch (e) {
          deps.logger.info('queue: balance check failed', { error: e })
        }
      }
    })()
  }

  function seen(credits: number): void {
    if (balance === null) return
    balance = credits
    deps.pump()
  }

  return {
    async refused(j) {
      let now = 0
      try {
        now = await deps.fresh()
      } catch (e) {
        deps.logger.info('queue: balance unknown after a 402', { error: e })
        now = Math.max(0, j.creditsEstimate - 1)
      }
      // Refused with this much available: it needs more than that, whatever the estimate.
      const needed = j.creditsEstimate > now ? j.creditsEstimate : Math.floor(now) + 1
      balance = now
      j.error = creditsError(needed, now)
      j.status = 'paused'
      deps.show(j)
      startProbe()
    },

    admit(j, inFlight) {
      let onItsWay = 0
      for (const o of inFlight()) if (o.id !== j.id && o.mode === j.mode && needsPost(o)) onItsWay += o.creditsEstimate
      if (affordable(j, balance, onItsWay)) {
        if (isWaitingOnCredits(j)) {
          j.error = null
          if (j.status === 'paused') j.status = 'pending'
          deps.show(j)
        }
        return true
      }
      const needed = neededBy(j)
      const have = balance ?? 0
      if (j.status !== 'paused' || j.error?.credits?.needed !== needed || j.error.credits.balance !== have) {
        j.error = creditsError(needed, have)
        j.status = 'paused'
        deps.show(j)
      }
      return false
    },

    balanceSeen: seen,

    settle(waiting) {
      for (const j of waiting) if (isWaitingOnCredits(j)) return
      balance = null
      stopProbe()
    },

    known: () => balance,

    reset() {
      balance = null
      stopProbe()
    }
  }
}
