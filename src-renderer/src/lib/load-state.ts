import { errorMessage, isNotImplemented } from '../api/client'

/**
 * Where a screen's data is. `unavailable` means main does not offer the feature yet:
 * the screen shows its empty state, never an error.
 */
export type LoadState = 'idle' | 'loading' | 'ready' | 'unavailable' | 'error'

export interface Loadable {
  load: LoadState
  error: string | null
}

export function failedLoad(e: unknown): Loadable {
  return isNotImplemented(e) ? { load: 'unavailable', error: null } : { load: 'error', error: errorMessage(e) }
}
