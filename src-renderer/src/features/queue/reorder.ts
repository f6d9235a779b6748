import type { DragEvent, KeyboardEvent } from 'react'
import type { Job } from '../../../../src-preload/contract'
import { useQueueStore, waitingIds, type MoveTarget } from '../../stores/queue'

/**
 * Reordering the waiting jobs, by keyboard and by mouse. Keyboard: Space (or Enter) on a
 * row's handle picks it up, ↑/↓ move it, Space drops it, Escape puts it back; Alt/⌥+↑/↓
 * anywhere in a waiting row moves it one place directly. Mouse: drag a waiting row onto
 * another (upper half: before it, lower half: after it). Every move is announced.
 */

export const REORDER_HELP_ID = 'queue-reorder-help'
export const REORDER_HELP =
  'Press Space to pick the job up, the up and down arrow keys to move it, Space to drop it, Escape to cancel. Alt or Option with an arrow key moves it directly.'
const DRAG_TYPE = 'application/x-krev-job'

const place = (ids: readonly string[], id: string) => `position ${ids.indexOf(id) + 1} of ${ids.length}`

/** Where `id` lands when moved by `delta` places among the waiting jobs (null: it can't). */
function shifted(ids: readonly string[], id: string, delta: number): number | null {
  const from = ids.indexOf(id)
  const to = from + delta
  return from === -1 || to < 0 || to >= ids.length ? null : to
}

async function moveTo(job: Job, target: MoveTarget, verb: string): Promise<string | null> {
  const store = useQueueStore.getState()
  // Main's answer is applied on the next frame: announce the order it is making now.
  const ids = waitingIds(store.jobs)
  const rest = ids.filter((x) => x !== job.id)
  const to = 'toIndex' in target ? target.toIndex : target.before === null ? rest.length : rest.indexOf(target.before)
  const error = await store.move(job.id, target)
  if (error) return error
  store.announce(`${job.title} ${verb} ${place(reorderedIds(ids, job.id, to), job.id)}.`)
  return null
}

/** `ids` with `id` at index `to` (what the list reads once the move is applied). */
export function reorderedIds(ids: readonly string[], id: string, to: number): string[] {
  const rest = ids.filter((x) => x !== id)
  rest.splice(Math.max(0, Math.min(rest.length, to)), 0, id)
  return rest
}

/** Keys on a waiting row (the handle's included): returns true when it handled the key. */
export function onReorderKey(e: KeyboardEvent, job: Job, report: (error: string | null) => void, onHandle: boolean): boolean {
  const store = useQueueStore.getState()
  const ids = waitingIds(store.jobs)
  const grabbed = store.grabbed?.id === job.id ? store.grabbed : null
  const delta = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0
  if (delta !== 0 && (e.altKey || grabbed)) {
    const to = shifted(ids, job.id, delta)
    if (to !== null) void moveTo(job, { toIndex: to }, 'moved to').then(report)
    else store.announce(`${job.title} is already ${delta < 0 ? 'first' : 'last'} in line.`)
    return true
  }
  if (!onHandle) return false
  if (e.key === ' ' || e.key === 'Enter') {
    if (grabbed) {
      store.setGrabbed(null)
      store.announce(`${job.title} dropped at ${place(ids, job.id)}.`)
    } else {
      store.setGrabbed({ id: job.id, from: ids.indexOf(job.id) })
      store.announce(`${job.title} picked up, ${place(ids, job.id)}. Use the arrow keys to move it, Space to drop it, Escape to cancel.`)
    }
    return true
  }
  if (e.key === 'Escape' && grabbed) {
    store.setGrabbed(null)
    if (ids.indexOf(job.id) === grabbed.from) store.announce(`Reorder cancelled. ${job.title} stays at ${place(ids, job.id)}.`)
    else void moveTo(job, { toIndex: grabbed.from }, 'is back at').then(report)
    return true
  }
  return false
}

/** "Run next": the job goes first in line. */
export const runNext = (job: Job): Promise<string | null> => moveTo(job, { toIndex: 0 }, 'will run next,')

/** The drag handlers of a waiting row; `setDrop` shows where a dragged job would land. */
export function dragHandlers(job: Job, setDrop: (edge: 'before' | 'after' | null) => void, report: (error: string | null) => void) {
  const edgeOf = (e: DragEvent<HTMLElement>) => {
    const box = e.currentTarget.getBoundingClientRect()
    return e.clientY < box.top + box.height / 2 ? 'before' : 'after'
  }
  return {
    draggable: true,
    onDragStart: (e: DragEvent<HTMLElement>) => {
      e.dataTransfer.setData(DRAG_TYPE, job.id)
      e.dataTransfer.effectAllowed = 'move'
    },
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'move'
      setDrop(edgeOf(e))
    },
    onDragLeave: () => setDrop(null),
    onDrop: (e: DragEvent<HTMLElement>) => {
      const id = e.dataTransfer.getData(DRAG_TYPE)
      setDrop(null)
      if (!id || id === job.id) return
      e.preventDefault()
      const jobs = useQueueStore.getState().jobs
      const moving = jobs.find((j) => j.id === id)
      if (!moving) return
      const ids = waitingIds(jobs).filter((x) => x !== id)
      const at = ids.indexOf(job.id) + (edgeOf(e) === 'after' ? 1 : 0)
      void moveTo(moving, { before: ids[at] ?? null }, 'moved to').then(report)
    }
  }
}
