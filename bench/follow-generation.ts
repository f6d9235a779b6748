import type { KrevClient, KrevGeneration } from '../src-main/krev'
import { defaultSleep } from '../src-main/krev/retry'
import { DEFAULT_POLL_TIMING, pollGeneration } from '../src-main/queue/generation-poller'
import { createPollCadence } from '../src-main/queue/poll-cadence'

/** Follows a generation the way the app's queue does: its adaptive poller, default timing. */
export function followGeneration(client: Pick<KrevClient, 'getGeneration'>, id: string): Promise<KrevGeneration> {
  return pollGeneration(client, id, {
    signal: new AbortController().signal,
    sleep: defaultSleep,
    timing: DEFAULT_POLL_TIMING,
    cadence: createPollCadence(DEFAULT_POLL_TIMING),
    onChange: () => {}
  })
}
