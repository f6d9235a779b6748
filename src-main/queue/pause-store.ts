import { join } from 'node:path'
import { z } from 'zod'
import { readJsonOr, writeJsonAtomic } from '../core/atomic-file'
import type { QueueMode } from './job-model'

/**
 * The creator's own pause, per mode, in `<dataDir>/queue/<mode>/state.json` (written
 * atomically, like the jobs), so a queue paused before quitting stays paused after a
 * restart. Only the user pause is kept: offline, refused key, credits and rate limits are
 * facts of the moment that the queue re-detects on its own, and restoring them would hold
 * jobs for a condition that may be long gone.
 */

const FORMAT = 1
const fileShape = z.object({ format: z.literal(FORMAT), userPaused: z.boolean() })

export interface PauseStore {
  /** Whether the creator left this mode's queue paused; false when missing or unreadable. */
  load(mode: QueueMode): Promise<boolean>
  /** Resolves once this value (or a newer one) is on disk. */
  save(mode: QueueMode, userPaused: boolean): Promise<void>
  flush(): Promise<void>
}

export function createPauseStore(dataDir: string): PauseStore {
  const fileOf = (mode: QueueMode) => join(dataDir, 'queue', mode, 'state.json')
  // Writes of a mode are serialised so a quick pause → resume never lands out of order.
  const chains = new Map<QueueMode, Promise<void>>()

  return {
    async load(mode) {
      const parsed = fileShape.safeParse(await readJsonOr<unknown>(fileOf(mode), null))
      // A damaged file means "not paused": the worst case is a queue that runs, as before.
      return parsed.success && parsed.data.userPaused
    },

    save(mode, userPaused) {
      const write = (chains.get(mode) ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => writeJsonAtomic(fileOf(mode), { format: FORMAT, userPaused }))
      chains.set(mode, write)
      return write
    },

    async flush() {
      await Promise.all([...chains.values()].map((p) => p.catch(() => undefined)))
    }
  }
}
