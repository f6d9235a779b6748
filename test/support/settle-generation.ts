import type { KrevClient, KrevGeneration } from '../../src-main/krev/types'
import { waitFor } from './wait-for'

/**
 * Polls a generation through the client until it is over (the app's own following is the
 * queue's generation-poller; tests that talk to the client directly only need the end).
 */
export async function settleGeneration(
  client: Pick<KrevClient, 'getGeneration'>,
  id: string,
  onPoll?: (g: KrevGeneration) => void
): Promise<KrevGeneration> {
  let last: KrevGeneration | null = null
  await waitFor(
    async () => {
      last = await client.getGeneration(id)
      onPoll?.(last)
      return last.status === 'succeeded' || last.status === 'failed'
    },
    { timeoutMs: 60_000, everyMs: 20, message: `generation ${id} did not finish` }
  )
  return last as unknown as KrevGeneration
}
