import type { Db } from '../db/database'
import { createPausesRepo } from '../db/pauses-repo'
import { sharedStudioDatabase } from '../db/studio-database'
import type { QueueMode } from './job-model'
import { importLegacyQueue } from './queue-import'

/**
 * The creator's own pause, per mode, in the studio's database (`queue_pauses`), so a queue
 * paused before quitting stays paused after a restart. Only the user pause is kept:
 * offline, refused key, credits and rate limits are facts of the moment that the queue
 * re-detects on its own, and restoring them would hold jobs for a condition long gone.
 * The `state.json` files of before are imported with the jobs (queue-import.ts).
 */

export interface PauseStore {
  /** Whether the creator left this mode's queue paused; false when never recorded. */
  load(mode: QueueMode): Promise<boolean>
  /** Resolves once this value is on disk. */
  save(mode: QueueMode, userPaused: boolean): Promise<void>
  flush(): Promise<void>
}

export function createPauseStore(dataDir: string, db: Db = sharedStudioDatabase(dataDir), onDamaged: (file: string) => void = () => undefined): PauseStore {
  const repo = createPausesRepo(db)
  return {
    async load(mode) {
      await importLegacyQueue(db, dataDir, onDamaged)
      return repo.get(mode) ?? false
    },
    save: async (mode, userPaused) => repo.setSync(mode, userPaused),
    flush: async () => undefined
  }
}
