/**
 * Which user action a Generate press belongs to. A press while the last one is still being
 * sent, or moments after its answer, with the same request, is a repeat of that action
 * (a triple click, a key chord pressed again): it keeps the action's id, and main answers
 * the job that id already made (src-main/queue/submit-once.ts). A changed request, a
 * pause, or a failed try starts a new action.
 */

export const SAME_ACTION_MS = 1_000

export interface SubmitActions {
  /** The action id for a press that would send `request` (any JSON-able value). */
  press(request: unknown): string
  /** The press's request went out / was answered. */
  sent(actionId: string): void
  answered(actionId: string, ok: boolean): void
}

export function createSubmitActions(opts: { now: () => number; newId: () => string; windowMs?: number }): SubmitActions {
  const windowMs = opts.windowMs ?? SAME_ACTION_MS
  let current: { id: string; key: string; lastAt: number; inFlight: boolean } | null = null

  return {
    press(request) {
      const key = JSON.stringify(request)
      const now = opts.now()
      if (current && current.key === key && (current.inFlight || now - current.lastAt < windowMs)) {
        current.lastAt = now
        return current.id
      }
      current = { id: opts.newId(), key, lastAt: now, inFlight: false }
      return current.id
    },
    sent(actionId) {
      if (current?.id === actionId) current.inFlight = true
    },
    answered(actionId, ok) {
      if (current?.id !== actionId) return
      // Nothing was made by a failed try: trying again is a new action.
      if (!ok) current = null
      else Object.assign(current, { inFlight: false, lastAt: opts.now() })
    }
  }
}
