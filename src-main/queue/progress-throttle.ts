/**
 * `generation.progress` at most every `intervalMs` per job (4/s by default): every event
 * re-renders the queue, and a poller can report far more often than anyone can see. A
 * status change goes out at once; otherwise the newest value waits for the job's next
 * turn, so the last progress is always delivered. A `queue.job` for the job supersedes its
 * waiting progress (it carries a newer status and progress; a late tick must not undo it).
 */

export interface ProgressEvent {
  jobId: string
  status: string
  progress: number
}

export interface ProgressThrottle<P extends ProgressEvent> {
  push(p: P): void
  /** The job was published in full (or removed): forget what waits for it. */
  supersede(jobId: string): void
  /** Delivers everything waiting and stops the timers. */
  dispose(): void
}

interface Slot<P> {
  lastAt: number
  status: string
  waiting: P | null
  timer: ReturnType<typeof setTimeout> | null
}

/** Slots idle longer than this are forgotten: a throttle over 5,000 jobs stays small. */
const PRUNE_ABOVE = 256

export function createProgressThrottle<P extends ProgressEvent>(
  emit: (p: P) => void,
  opts: { intervalMs?: number; now?: () => number } = {}
): ProgressThrottle<P> {
  const intervalMs = opts.intervalMs ?? 250
  const now = opts.now ?? (() => performance.now())
  const slots = new Map<string, Slot<P>>()

  const send = (slot: Slot<P>, p: P) => {
    slot.lastAt = now()
    slot.status = p.status
    emit(p)
  }
  const release = (jobId: string) => {
    const slot = slots.get(jobId)
    if (!slot) return
    slot.timer = null
    const p = slot.waiting
    slot.waiting = null
    if (p) send(slot, p)
  }
  const prune = () => {
    if (slots.size <= PRUNE_ABOVE) return
    const t = now()
    for (const [id, slot] of slots) if (!slot.timer && t - slot.lastAt >= intervalMs) slots.delete(id)
  }

  return {
    push(p) {
      const slot = slots.get(p.jobId)
      if (!slot) {
        prune()
        const fresh: Slot<P> = { lastAt: 0, status: p.status, waiting: null, timer: null }
        slots.set(p.jobId, fresh)
        return send(fresh, p)
      }
      const due = slot.lastAt + intervalMs - now()
      if (p.status !== slot.status || due <= 0) {
        if (slot.timer) clearTimeout(slot.timer)
        slot.timer = null
        slot.waiting = null
        return send(slot, p)
      }
      slot.waiting = p
      slot.timer ??= setTimeout(() => release(p.jobId), due)
    },
    supersede(jobId) {
      const slot = slots.get(jobId)
      if (slot?.timer) clearTimeout(slot.timer)
      slots.delete(jobId)
    },
    dispose() {
      for (const [id, slot] of slots) {
        if (slot.timer) clearTimeout(slot.timer)
        release(id)
      }
      slots.clear()
    }
  }
}
