import type { QueueState } from '../../src-preload/contract'
import { isAppError } from '../core/app-error'
import type { Logger } from '../core/logger'
import type { KrevClient } from '../krev/types'
import type { Sleep } from './generation-poller'

/**
 * Why the queue is paused, and what ends the pause. Offline: a light probe (the credits
 * GET) with backoff from 5 s to a minute, cut short when the connection reports it is back,
 * so there is never a retry storm. (Out of credits holds single jobs, not the queue:
 * credit-holds.ts.) Rate limited: resumes by itself when Krev's
 * Retry-After is over. Key refused and the creator's own pause: only the creator resumes.
 */

export type PauseReason = 'user' | 'offline' | 'unauthorized'

export interface PausesDeps {
  connection: { client(): Promise<KrevClient>; reportOnline(online: boolean): void }
  sleep: Sleep
  emit(state: QueueState): void
  onPause(): void
  onResume(): void
  now(): number
  logger: Logger
}

export interface Pauses {
  state(): QueueState
  pause(reason: PauseReason): QueueState
  rateLimited(untilMs: number): void
  resume(): QueueState
  /** The network may be back: probe now instead of after the current wait. */
  wake(): void
  /** Stops probes and timers and clears the state (mode switch, shutdown). */
  reset(): void
}

const OPEN: QueueState = { paused: false, reason: null, resumesAt: null }
export const PROBE = { offlineBaseMs: 5_000, offlineMaxMs: 60_000 }

export function createPauses(deps: PausesDeps): Pauses {
  let state: QueueState = OPEN
  let probe: { stop: AbortController; wake: AbortController } | null = null
  let timer: AbortController | null = null

  const set = (next: QueueState) => {
    state = next
    deps.emit(state)
    return state
  }

  function stopAll(): void {
    probe?.stop.abort()
    probe = null
    timer?.abort()
    timer = null
  }

  function resume(): QueueState {
    stopAll()
    const wasPaused = state.paused
    set(OPEN)
    if (wasPaused) deps.onResume()
    return state
  }

  async function nap(ms: number, p: NonNullable<typeof probe>): Promise<void> {
    const both = AbortSignal.any([p.stop.signal, p.wake.signal])
    await deps.sleep(ms, both).catch(() => undefined)
    if (p.wake.signal.aborted) p.wake = new AbortController()
  }

  function startProbe(): void {
    if (probe) return
    const p = { stop: new AbortController(), wake: new AbortController() }
    probe = p
    void (async () => {
      for (let n = 1; !p.stop.signal.aborted; n++) {
        if (state.reason !== 'offline') break
        await nap(Math.min(PROBE.offlineMaxMs, PROBE.offlineBaseMs * 2 ** (n - 1)), p)
        if (p.stop.signal.aborted) break
        try {
          await (await deps.connection.client()).credits(p.stop.signal)
          deps.connection.reportOnline(true)
          if (p.stop.signal.aborted) break
          if (probe === p) probe = null
          resume()
          break
        } catch (e) {
          if (isAppError(e) && e.code === 'unauthorized') {
            if (probe === p) probe = null
            pause('unauthorized')
            break
          }
          deps.logger.info('queue: probe failed', { code: isAppError(e) ? e.code : 'other' })
        }
      }
      if (probe === p) probe = null
    })()
  }

  function pause(reason: PauseReason): QueueState {
    // The creator's own pause is only ended by the creator.
    if (state.reason === 'user' && reason !== 'user') return state
    if (state.reason === reason) return state
    stopAll()
    set({ paused: true, reason, resumesAt: null })
    deps.onPause()
    if (reason === 'offline') startProbe()
    return state
  }

  return {
    state: () => state,
    pause,
    resume,

    rateLimited(untilMs) {
      if (state.paused && state.reason !== 'rate_limited') return
      timer?.abort()
      const t = new AbortController()
      timer = t
      set({ paused: true, reason: 'rate_limited', resumesAt: new Date(untilMs).toISOString() })
      deps.onPause()
      void deps
        .sleep(Math.max(0, untilMs - deps.now()), t.signal)
        .then(() => {
          if (timer === t && state.reason === 'rate_limited') resume()
        })
        .catch(() => undefined)
    },

    wake() {
      probe?.wake.abort()
    },

    reset() {
      stopAll()
      if (state.paused) set(OPEN)
    }
  }
}
