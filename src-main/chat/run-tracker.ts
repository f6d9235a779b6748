import type { Connection } from '../../src-preload/contract'
import { isAppError } from '../core/app-error'
import { silentLogger, type Logger } from '../core/logger'
import type { ChatRunState, KrevClient } from '../krev/types'
import { isFinalForRun, isOffline } from './chat-errors'
import type { ChatMode } from './chat-store'
import { createWaker, pollLoop, type PollOutcome, type PollTiming, type Sleep } from './poll-loop'

/**
 * One background poller per unfinished run. A run is polled only while its mode is the
 * active one (the client answers for the current mode only, and a sandbox run id means
 * nothing to Krev): a mode switch stops the other mode's pollers, and switching back
 * picks them up again from the store. Offline or failing polls back off and retry; only
 * answers that can never change (404, 403…) end a run as failed.
 */

export interface TrackerConnection {
  mode(): ChatMode
  client(): Promise<KrevClient>
  reportOnline(online: boolean): void
  onChange(listener: (status: Connection) => void): () => void
}

export interface RunKey {
  mode: ChatMode
  conversationId: string
  runId: string
}

export interface RunTrackerDeps {
  connection: TrackerConnection
  sleep: Sleep
  timing: PollTiming
  /** Records a poll's answer; says whether the run moved on and whether it is over. */
  apply(key: RunKey, state: ChatRunState): Promise<PollOutcome>
  /** Records that the run can't be followed any more. */
  fail(key: RunKey, error: unknown): Promise<void>
  logger?: Logger
}

export interface RunTracker {
  /** Starts polling the run unless it is already polled or belongs to another mode. */
  track(key: RunKey): void
  isTracked(runId: string): boolean
  /** Stops the pollers of every mode but `mode`. */
  keepOnly(mode: ChatMode): void
  /** Cuts every wait short (connection back, app resumed). */
  wake(): void
  /** Resolves when no poller is running. */
  idle(): Promise<void>
  dispose(): void
}

interface Poller {
  mode: ChatMode
  controller: AbortController
  done: Promise<void>
}

export function createRunTracker(deps: RunTrackerDeps): RunTracker {
  const logger = deps.logger ?? silentLogger
  const { connection } = deps
  const waker = createWaker(deps.sleep)
  const pollers = new Map<string, Poller>()
  let disposed = false

  async function step(key: RunKey, signal: AbortSignal): Promise<PollOutcome> {
    // A poller that outlived its mode ends quietly; the run stays pending in its store.
    if (connection.mode() !== key.mode) return 'done'
    const client = await connection.client()
    if (connection.mode() !== key.mode) return 'done'
    const state = await client.getChatRun(key.runId, signal)
    connection.reportOnline(true)
    if (signal.aborted || connection.mode() !== key.mode) return 'done'
    return deps.apply(key, state)
  }

  async function onError(key: RunKey, error: unknown, failures: number): Promise<'retry' | 'stop'> {
    if (isOffline(error)) {
      connection.reportOnline(false)
    } else if (isAppError(error) && error.status !== undefined) {
      connection.reportOnline(true)
      if (isFinalForRun(error) && connection.mode() === key.mode) {
        await deps.fail(key, error)
        return 'stop'
      }
    }
    // The first failure and then every few are enough in the log; the key is never in it.
    if (failures === 1 || failures % 10 === 0) {
      logger.warn('chat: polling a run failed; retrying later', {
        runId: key.runId,
        failures,
        code: isAppError(error) ? error.code : 'unexpected',
        ...(isAppError(error) ? {} : { error })
      })
    }
    return 'retry'
  }

  return {
    track(key) {
      if (disposed || pollers.has(key.runId) || key.mode !== connection.mode()) return
      const controller = new AbortController()
      const poller: Poller = {
        mode: key.mode,
        controller,
        done: pollLoop((signal) => step(key, signal), {
          signal: controller.signal,
          waker,
          timing: deps.timing,
          onError: (error, failures) => onError(key, error, failures)
        })
          .catch((error: unknown) => logger.error('chat: poller stopped unexpectedly', { runId: key.runId, error }))
          .finally(() => {
            if (pollers.get(key.runId) === poller) pollers.delete(key.runId)
          })
      }
      pollers.set(key.runId, poller)
    },

    isTracked: (runId) => pollers.has(runId),

    keepOnly(mode) {
      for (const [runId, p] of pollers) {
        if (p.mode === mode) continue
        p.controller.abort()
        pollers.delete(runId)
      }
    },

    wake: () => waker.wakeAll(),

    async idle() {
      while (pollers.size) await Promise.all([...pollers.values()].map((p) => p.done))
    },

    dispose() {
      disposed = true
      for (const p of pollers.values()) p.controller.abort()
      pollers.clear()
    }
  }
}
