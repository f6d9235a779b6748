import { AppError } from '../core/app-error'
import type { KrevGeneration, WaitOptions } from './types'
import { cancelled } from './errors'

/**
 * Polls a generation until it finishes. The interval adapts: it starts short (~1 s),
 * grows ×1.5 up to a cap (~8 s) while nothing changes, and snaps back to the start as
 * soon as progress (or status) moves, so an active job feels live while a long queue
 * wait costs few requests. Transient poll failures are already retried by the GET
 * policy; what reaches here is final and is thrown as is.
 */

export const DEFAULT_INITIAL_INTERVAL_MS = 1_000
export const DEFAULT_MAX_INTERVAL_MS = 8_000
export const INTERVAL_GROWTH = 1.5

export interface WaitDeps {
  getGeneration: (id: string, signal?: AbortSignal) => Promise<KrevGeneration>
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** The failed generation as an error: the server's text, not retryable (Krev refunds it). */
export function generationFailed(g: KrevGeneration): AppError {
  const server = g.error?.trim() || undefined
  return new AppError(
    'server_error',
    server ? `The generation failed: ${server}` : 'The generation failed on Krev. Your credits are refunded.',
    { retryable: false, ...(server ? { serverMessage: server } : {}) }
  )
}

export async function waitForGeneration(id: string, opts: WaitOptions, deps: WaitDeps): Promise<KrevGeneration> {
  const initial = Math.max(1, opts.initialIntervalMs ?? DEFAULT_INITIAL_INTERVAL_MS)
  const max = Math.max(initial, opts.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS)
  const signal = opts.signal
  let interval = initial
  let last: { status: string; progress: number } | null = null

  for (;;) {
    if (signal?.aborted) throw cancelled()
    const g = await deps.getGeneration(id, signal)
    try {
      opts.onProgress?.(g)
    } catch {
      // A listener's bug must not end the wait.
    }
    if (g.status === 'succeeded') return g
    if (g.status === 'failed') throw generationFailed(g)

    const changed = last !== null && (last.progress !== g.progress || last.status !== g.status)
    if (last !== null) interval = changed ? initial : Math.min(max, Math.round(interval * INTERVAL_GROWTH))
    last = { status: g.status, progress: g.progress }
    await deps.sleep(interval, signal)
  }
}
