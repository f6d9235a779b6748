import type { QueueMode } from '../queue/job-model'
import type { Db } from './database'

/** The `queue_pauses` table: whether the creator left a mode's queue paused. */

export interface PausesRepo {
  /** Null when never recorded. */
  get(mode: QueueMode): boolean | null
  setSync(mode: QueueMode, userPaused: boolean, options?: { ifAbsent?: boolean }): void
}

export function createPausesRepo(db: Db): PausesRepo {
  const select = db.prepare('SELECT user_paused FROM queue_pauses WHERE mode = ?').pluck()
  const upsert = db.prepare('INSERT OR REPLACE INTO queue_pauses (mode, user_paused) VALUES (?, ?)')
  const insertIfAbsent = db.prepare('INSERT OR IGNORE INTO queue_pauses (mode, user_paused) VALUES (?, ?)')
  return {
    get(mode) {
      const v = select.get(mode) as number | undefined
      return v === undefined ? null : v === 1
    },
    setSync(mode, userPaused, options) {
      ;(options?.ifAbsent ? insertIfAbsent : upsert).run(mode, userPaused ? 1 : 0)
    }
  }
}
