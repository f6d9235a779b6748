import { z } from 'zod'
import { connectionMode, type ConnectionMode } from '../../src-preload/contract'
import type { JsonStoreOpener, NoticeSink } from './json-store'
import { openVersionedDocument } from './versioned-document'

export const APP_STATE_FILE = 'app-state'

/** What the app remembers that is not a user preference. Kept beside settings, same mechanism. */
export interface AppState {
  /** Set once the user picked the sandbox or saved a key. */
  firstRunDone: boolean
  connectionMode: ConnectionMode
  /** Whether Krev accepted the stored key the last time it was checked (not the key itself). */
  keyVerified: boolean
}

const fields = {
  firstRunDone: z.boolean(),
  connectionMode,
  keyVerified: z.boolean()
}

export const appStateDefaults: AppState = { firstRunDone: false, connectionMode: 'sandbox', keyVerified: false }

export interface AppStateStore {
  get(): AppState
  update(patch: Partial<AppState>): AppState
}

export function createAppStateStore(opts: {
  opener: JsonStoreOpener
  onNotice?: NoticeSink
  now?: () => Date
}): AppStateStore {
  const doc = openVersionedDocument<AppState>(
    opts.opener,
    { name: APP_STATE_FILE, label: 'app state', version: 1, fields, defaults: appStateDefaults },
    { ...(opts.onNotice ? { onNotice: opts.onNotice } : {}), ...(opts.now ? { now: opts.now } : {}) }
  )
  return {
    get: () => doc.get(),
    update(patch) {
      const previous = doc.get()
      const next = { ...previous, ...patch }
      const changed = (Object.keys(next) as (keyof AppState)[]).some((k) => next[k] !== previous[k])
      if (changed) doc.replace(next)
      return doc.get()
    }
  }
}
