import { AppError } from '../core/app-error'
import type { StoredJob } from './job-model'

/**
 * The run order the creator steers. Every job has a position (persisted: migration 007);
 * the launcher sends waiting jobs lowest position first, so the order survives a restart.
 * Only jobs still waiting for their POST can move: the others are at Krev already. A move
 * renumbers the waiting jobs over the positions they held between them, so the running
 * and finished ones keep theirs, and answers the jobs that changed (to save together).
 */

export type MoveTarget = { before: string | null } | { toIndex: number }

/** The launcher's order: position, then age (jobs of before all had position 0). */
export const byRunOrder = (a: Pick<StoredJob, 'position' | 'createdAt' | 'id'>, b: Pick<StoredJob, 'position' | 'createdAt' | 'id'>): number =>
  a.position - b.position || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)

/** A new job goes after every other. */
export function nextPosition(jobs: Iterable<Pick<StoredJob, 'position'>>): number {
  let max = 0
  for (const j of jobs) max = Math.max(max, j.position)
  return max + 1
}

const cannotMove = (message: string) => new AppError('invalid_input', message, { retryable: false })

/**
 * Moves `jobId` among `waiting` (the movable jobs, any order) to before the job `before`
 * (null: last) or to index `toIndex` (clamped). Returns the jobs whose position changed,
 * already updated; [] when the order is the same. Throws (and changes nothing) for a job
 * that is not waiting or a `before` that is not.
 */
export function moveWaiting(waiting: readonly StoredJob[], jobId: string, target: MoveTarget): StoredJob[] {
  const order = [...waiting].sort(byRunOrder)
  const from = order.findIndex((j) => j.id === jobId)
  if (from === -1) throw cannotMove('Only a job that is still waiting to be sent can be moved.')
  if ('before' in target && target.before === jobId) return []
  const slots = order.map((j) => j.position)
  const [moving] = order.splice(from, 1) as [StoredJob]
  let to: number
  if ('before' in target) {
    to = target.before === null ? order.length : order.findIndex((j) => j.id === target.before)
    if (to === -1) throw cannotMove('Jobs can only be moved among the jobs waiting to be sent.')
  } else {
    to = Math.min(order.length, Math.max(0, Math.trunc(target.toIndex)))
  }
  order.splice(to, 0, moving)
  // Strictly increasing, so equal positions of before (all 0) become a real order.
  for (let i = 1; i < slots.length; i++) slots[i] = Math.max(slots[i] as number, (slots[i - 1] as number) + 1)
  const changed: StoredJob[] = []
  order.forEach((j, i) => {
    const position = slots[i] as number
    if (j.position !== position) {
      j.position = position
      changed.push(j)
    }
  })
  return changed
}
