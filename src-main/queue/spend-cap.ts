import { needsPost, type JobError, type QueueMode, type StoredJob } from './job-model'

/**
 * The creator's spending cap for a session (since the studio started, per connection
 * mode). A job counts with its estimate from the moment its create POST leaves, with
 * Krev's own charge once it answers, and with nothing once refunded or known not to have
 * reached Krev. A job whose estimate would take the session past the cap is not sent: it
 * waits, saying so, while smaller jobs that still fit go ahead. The ledger is kept here,
 * not derived from the queue, so removing a finished job never gives its credits back.
 */

export const SPEND_CAP_CODE = 'spend_cap'

export interface SpendCapDeps {
  /** The cap in credits; 0 or less: no cap. */
  cap(): number
  /** When the session began (ms since the epoch): only POSTs sent since then count. */
  sessionStart: number
  /** Shows a job's new waiting state (status and error already set): persist and publish it. */
  show(j: StoredJob): void
}

export interface SpendCap {
  /** Records what the job counts for now; call on every change of a job. */
  track(j: StoredJob): void
  /** Credits this session has spent, or may have, in `mode`. */
  spent(mode: QueueMode): number
  /**
   * Whether `j` may be POSTed now, `inFlight` being the jobs already started towards a POST
   * (their estimate is on its way but not yet tracked). If not, the job is shown waiting;
   * if it was waiting on the cap and now fits, its message is cleared.
   */
  admit(j: StoredJob, inFlight: () => Iterable<StoredJob>): boolean
}

/** What a job counts for in the session that began at `sessionStart`. */
export function chargeOf(j: StoredJob, sessionStart: number): number {
  if (!j.sentAt || Date.parse(j.sentAt) < sessionStart) return 0
  if (j.error?.refunded) return 0
  if (j.generationId) return j.creditsUsed ?? j.creditsEstimate
  // Out, or lost on the way back: it may have been charged, so it counts.
  return j.postStartedAt || j.error?.code === 'unknown_outcome' ? j.creditsEstimate : 0
}

const n = (credits: number) => Math.round(credits).toLocaleString('en-US')

export function spendCapMessage(estimate: number, cap: number, spent: number): string {
  return `Waiting: this job (${n(estimate)} credits) would take this session past your ${n(cap)}-credit spending cap (${n(spent)} spent). Raise the cap in Settings to send it.`
}

export const isWaitingOnCap = (j: Pick<StoredJob, 'error'>): boolean => j.error?.code === SPEND_CAP_CODE

export function createSpendCap(deps: SpendCapDeps): SpendCap {
  const ledgers: Record<QueueMode, Map<string, number>> = { sandbox: new Map(), krev: new Map() }
  // Kept alongside the ledger: `admit` runs for every waiting job on every pump.
  const totals: Record<QueueMode, number> = { sandbox: 0, krev: 0 }

  return {
    track(j) {
      const ledger = ledgers[j.mode]
      const charge = chargeOf(j, deps.sessionStart)
      totals[j.mode] += charge - (ledger.get(j.id) ?? 0)
      ledger.set(j.id, charge)
    },

    spent: (mode) => totals[mode],

    admit(j, inFlight) {
      const cap = deps.cap()
      const release = () => {
        if (isWaitingOnCap(j)) j.error = null
        return true
      }
      if (cap <= 0) return release()
      let committed = totals[j.mode]
      for (const o of inFlight()) if (o.id !== j.id && o.mode === j.mode && needsPost(o) && !o.postStartedAt) committed += o.creditsEstimate
      if (committed + j.creditsEstimate <= cap) return release()
      const message = spendCapMessage(j.creditsEstimate, cap, committed)
      if (j.status !== 'paused' || j.error?.message !== message) {
        const error: JobError = { code: SPEND_CAP_CODE, message, retryable: false }
        j.error = error
        j.status = 'paused'
        deps.show(j)
      }
      return false
    }
  }
}
