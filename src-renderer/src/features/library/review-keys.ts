import type { ReviewCommand } from './use-review-commands'

/**
 * The grid's review keys (arrows are grid-nav.ts's): Space opens the viewer, F favourite,
 * 1–5 rate, 0 clears the rating, A approve, X reject, Delete/Backspace to the trash (asks
 * first), E export, ⌘/Ctrl+A select all, ⌘/Ctrl+Space toggle this one, Esc clear the
 * selection. Letters with ⌘/Ctrl/Alt are left to the app and the browser.
 */
export type ReviewKeyAction =
  | { type: 'open' }
  | { type: 'selectAll' }
  | { type: 'clearSelection' }
  | { type: 'toggleSelect' }
  | { type: 'command'; command: ReviewCommand }

export const REVIEW_KEYS_HELP =
  'Arrows move, Shift+arrows select, Space opens, F favourite, 1 to 5 rate, 0 clears the rating, A approve, X reject, E export, Delete moves to the trash, Ctrl+A selects all, Escape clears the selection.'

export function reviewKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): ReviewKeyAction | null {
  const mod = e.ctrlKey || e.metaKey
  if (mod && !e.altKey && e.key.toLowerCase() === 'a') return { type: 'selectAll' }
  if (mod && e.key === ' ') return { type: 'toggleSelect' }
  if (mod || e.altKey) return null
  if (e.key === ' ') return { type: 'open' }
  if (e.key === 'Escape') return { type: 'clearSelection' }
  if (e.key === 'Delete' || e.key === 'Backspace') return { type: 'command', command: { type: 'delete' } }
  if (/^[0-5]$/.test(e.key)) return { type: 'command', command: { type: 'rate', rating: Number(e.key) } }
  switch (e.key.toLowerCase()) {
    case 'f':
      return { type: 'command', command: { type: 'favorite' } }
    case 'a':
      return { type: 'command', command: { type: 'approve' } }
    case 'x':
      return { type: 'command', command: { type: 'reject' } }
    case 'e':
      return { type: 'command', command: { type: 'export' } }
    default:
      return null
  }
}
