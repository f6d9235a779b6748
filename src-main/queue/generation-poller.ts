import type { KrevClient, KrevGeneration } from '../krev/types'
import { cancelled } from '../krev/errors'

/**
 * Follows one generation until it is over. The interval adapts (about 1 s while it moves,
 * growing ×1.5 to 8 s while nothing changes), with the queue's injected sleep so tests and
 * restarts control time. A 500 on a poll never reaches here: the client's GET retry hides
 * it. Resolves with the finished generation, succeeded or failed: the caller decides.
 */

export interface PollTiming {
  initialMs: number
  maxMs: number
  growth: number
}

export const DEFAULT_POLL_TIMING: PollTiming = { initialMs: 1_000, maxMs: 8_000, growth: 1.5 }

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export async function pollGeneration(
  client: Pick<KrevClient, 'getGeneration'>,
  generationId: string,
  opts: { signal: AbortSignal; sleep: Sleep; timing: PollTiming; onChange: (g: KrevGeneration) => Promise<void> | void }
): Promise<KrevGeneration> {
  const { signal, timing } = opts
  let interval = timing.initialMs
  let last: string | null = null
  for (;;) {
    if (signal.aborted) throw cancelled()
    const g = await client.getGeneration(generationId, signal)
    if (signal.aborted) throw cancelled()
    const seen = `${g.status}:${g.progress}`
    if (seen !== last) await opts.onChange(g)
    if (g.status === 'succeeded' || g.status === 'failed') return g
    if (last !== null) interval = seen !== last ? timing.initialMs : Math.min(timing.maxMs, Math.round(interval * timing.growth))
    last = seen
    await opts.sleep(interval, signal)
  }
}
