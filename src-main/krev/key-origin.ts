import { AppError } from '../core/app-error'
import type { BoundKey } from './types'

/**
 * The last gate before `Authorization: Bearer …` is written: the key goes only to the
 * origin it was verified against. The client builds every request URL from its own base and
 * http.ts never follows redirects, so this never fires in normal use; it exists so that no
 * configuration mistake or future code path can hand the key to another host.
 */
export const KEY_ORIGIN_MESSAGE =
  'Krev Studio did not send your API key: this Krev address is not the one your key was checked with. ' +
  'Enter your key again in Settings, or confirm the new address.'

export function bindKey(supplied: BoundKey | string, clientOrigin: string): BoundKey {
  return typeof supplied === 'string' ? { key: supplied, origin: clientOrigin } : supplied
}

/** Throws (never sends) when `requestUrl` is not on the key's own origin. */
export function assertKeyOrigin(bound: BoundKey, requestUrl: URL): void {
  let keyOrigin: string
  try {
    keyOrigin = new URL(bound.origin).origin
  } catch {
    keyOrigin = ''
  }
  if (!keyOrigin || keyOrigin !== requestUrl.origin) {
    throw new AppError('unauthorized', KEY_ORIGIN_MESSAGE, { retryable: false })
  }
}
