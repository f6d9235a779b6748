import { AppError } from '../core/app-error'

/** What a Krev secret key looks like; checked on entry so typos never reach the network. */
export const API_KEY_PATTERN = /^sk_live_[A-Za-z0-9_-]{16,200}$/

export const BAD_KEY_FORMAT_MESSAGE =
  'That does not look like a Krev API key. Keys start with "sk_live_" followed by at least 16 letters, ' +
  'digits, "-" or "_". Copy it again from Krev → Settings → API Keys.'

/**
 * The trimmed key, or AppError('invalid_input'). The message never repeats the input:
 * whatever was pasted may be a real secret with a typo in it.
 */
export function normalizeApiKey(raw: string): string {
  const key = raw.trim()
  if (!API_KEY_PATTERN.test(key)) throw new AppError('invalid_input', BAD_KEY_FORMAT_MESSAGE)
  return key
}

/** The only part of a key the renderer ever sees. */
export const keyLast4 = (key: string): string => key.slice(-4)
