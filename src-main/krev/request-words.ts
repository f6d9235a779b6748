import type { z } from 'zod'
import { VIDEO_MAX_SECONDS, VIDEO_MIN_SECONDS } from '../../src-preload/contract/values'

/**
 * How the client names a refused request field to a creator. The rules themselves are the
 * wire schema's (`wire.ts`); this only turns its first zod issue into a sentence that says
 * which setting is wrong and what it must be ("Aspect ratio must be 1:1, 16:9 …").
 */

type Issue = z.core.$ZodIssue
export type FieldKind = 'text' | 'choice' | 'flag' | 'duration' | 'id' | 'ids' | 'adIds' | 'preset' | 'url' | 'urls'
export interface FieldWords { kind: FieldKind; label: string }

const list = (items: readonly unknown[]): string => {
  const s = items.map(String)
  return `${s.slice(0, -1).join(', ')} or ${s[s.length - 1]}`
}

export const shown = (v: unknown): string => {
  const s = typeof v === 'string' ? v : String(v)
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}

/** The sentence for `issue` on a field of this kind; `value` is the field's value as given. */
export function fieldMessage(words: FieldWords, issue: Issue, value: unknown): string {
  const { kind, label } = words
  const item = issue.path.length > 1 && Array.isArray(value) ? value[Number(issue.path[1])] : value
  switch (kind) {
    case 'text':
      return issue.code === 'too_big'
        ? `${label} is too long (at most ${Number(issue.maximum).toLocaleString('en-US')} characters).`
        : `${label} can't be empty.`
    case 'choice':
      return issue.code === 'invalid_value' ? `${label} must be ${list(issue.values)}.` : `${label} is not one of the choices.`
    case 'flag':
      return `${label} must be on or off.`
    case 'duration':
      return `Duration must be a whole number of seconds from ${VIDEO_MIN_SECONDS} to ${VIDEO_MAX_SECONDS}.`
    case 'id':
      return `${label} "${shown(item)}" is not a valid ID.`
    case 'preset':
      return `${label} "${shown(item)}" is not a valid preset.`
    case 'ids':
    case 'adIds':
      if (issue.path.length > 1) return `Product "${shown(item)}" is not a valid ID.`
      if (issue.code === 'too_big') return `Pick at most ${issue.maximum} products.`
      return kind === 'adIds' ? 'Pick at least one product for an ad.' : 'The product list is not valid.'
    case 'urls':
      if (issue.path.length > 1) return `Reference image ${Number(issue.path[1]) + 1} must be an https:// link to a public website.`
      if (issue.code === 'too_big') return `Use at most ${issue.maximum} ${label}.`
      return `${label[0]!.toUpperCase()}${label.slice(1)} must be a list of links.`
    case 'url':
      return `${label} must be an https:// link to a public website.`
  }
}
