import { errorMessage } from '../api/client'

/** Where a screen's data is. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error'

export interface Loadable {
  load: LoadState
  error: string | null
}

export function failedLoad(e: unknown): Loadable {
  return { load: 'error', error: errorMessage(e) }
}
