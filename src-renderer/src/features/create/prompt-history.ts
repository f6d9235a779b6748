import type { CreateKind } from '../../stores/create'

/**
 * The prompts the creator generated with, per kind, newest last: ↑ in an empty prompt box
 * recalls them. Kept in this window's local storage, so they outlive a restart; bounded,
 * and read defensively (storage can be switched off, full, or hold something else).
 */

export const HISTORY_LIMIT = 50
const KEY = 'krev.create.promptHistory'

export type PromptHistory = Record<CreateKind, string[]>

export const emptyHistory = (): PromptHistory => ({ image: [], video: [], ad: [] })

/** `prompt` as the newest entry: an earlier copy of it moves up rather than repeating. */
export function remember(list: readonly string[], prompt: string): string[] {
  const text = prompt.trim()
  if (!text) return [...list]
  return [...list.filter((p) => p !== text), text].slice(-HISTORY_LIMIT)
}

export function readHistory(storage: Pick<Storage, 'getItem'> | undefined): PromptHistory {
  const history = emptyHistory()
  let stored: unknown
  try {
    stored = JSON.parse(storage?.getItem(KEY) ?? 'null')
  } catch {
    return history
  }
  if (!stored || typeof stored !== 'object') return history
  for (const kind of Object.keys(history) as CreateKind[]) {
    const list = (stored as Record<string, unknown>)[kind]
    if (Array.isArray(list)) history[kind] = list.filter((p): p is string => typeof p === 'string' && p.trim() !== '').slice(-HISTORY_LIMIT)
  }
  return history
}

export function writeHistory(storage: Pick<Storage, 'setItem'> | undefined, history: PromptHistory): void {
  try {
    storage?.setItem(KEY, JSON.stringify(history))
  } catch {
    // Full or switched off: the history lasts this session only.
  }
}

export function historyStorage(): Storage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined
  }
}

/** Where a recalled prompt came from: its kind and its place in that kind's history. */
export interface Recall {
  kind: CreateKind
  index: number
}

/**
 * ↑ (`older`) or ↓ (`newer`) in the prompt box: the prompt to show and where it came from,
 * or null when the keys should move the caret as usual (the box holds text of its own).
 */
export function step(
  list: readonly string[],
  prompt: string,
  recall: Recall | null,
  kind: CreateKind,
  direction: 'older' | 'newer'
): { prompt: string; recall: Recall | null } | null {
  const recalled = recall && recall.kind === kind && list[recall.index] === prompt ? recall.index : null
  if (recalled === null) {
    if (prompt !== '' || direction === 'newer' || list.length === 0) return null
    return { prompt: list[list.length - 1]!, recall: { kind, index: list.length - 1 } }
  }
  if (direction === 'older') {
    const index = Math.max(0, recalled - 1)
    return { prompt: list[index]!, recall: { kind, index } }
  }
  // Past the newest: back to an empty box, as before the first ↑.
  if (recalled + 1 >= list.length) return { prompt: '', recall: null }
  return { prompt: list[recalled + 1]!, recall: { kind, index: recalled + 1 } }
}
