import type { EventName, EventPayload } from '../../../src-preload/contract'
import { subscribe } from '../api/client'
import { useRebuildProgress } from '../features/account/RebuildLibrary'
import { needsKeychainBanner, useAccountStore } from '../stores/account'
import { useAppStore } from '../stores/app'
import { useChatStore } from '../stores/chat'
import { useLibraryStore } from '../stores/library'
import { useProductsStore } from '../stores/products'
import { useQueueStore } from '../stores/queue'
import { useSettingsStore } from '../stores/settings'

/**
 * Main's keychain explanation, as the account status carries it. A save may add a
 * sentence ("…for this session only"), so the notice starts with what the status said.
 */
function isKeychainNotice(message: string): boolean {
  const status = useAccountStore.getState().status
  const known = status?.key.message
  return !!known && needsKeychainBanner(status) && message.startsWith(known)
}

type EventHandlers = { [E in EventName]: (payload: EventPayload<E>) => void }

/**
 * One handler per pushed event. The mapped type makes a new event in the contract a
 * compile error here until it is handled.
 */
export const eventHandlers: EventHandlers = {
  'app.connection': (c) => useAppStore.getState().setConnection(c),
  'app.notice': (n) => {
    // The keychain line under the top bar already says this; never a toast as well.
    if (isKeychainNotice(n.message)) return
    const notice: { level: typeof n.level; message: string; detail?: string } = { level: n.level, message: n.message }
    if (n.detail) notice.detail = n.detail
    useAppStore.getState().pushNotice(notice)
  },

  'account.changed': (status) => {
    useAccountStore.getState().setStatus(status)
    useAppStore.getState().setConnection(status.connection)
  },
  'credits.changed': (credits) => useAccountStore.getState().setCredits(credits),
  'settings.changed': (settings) => useSettingsStore.getState().setSettings(settings),
  'account.mode': () => {
    // Sandbox and Krev have different balances and catalogues: reload what depends on them.
    void useAccountStore
      .getState()
      .loadStatus()
      .catch(() => undefined)
    void useAccountStore.getState().loadCredits()
    void useProductsStore.getState().fetch()
  },

  'products.changed': ({ items }) => useProductsStore.getState().setItems(items),
  'products.uploadProgress': (p) => useProductsStore.getState().applyUploadProgress(p),
  'products.importChanged': (batch) => useProductsStore.getState().applyImport(batch),

  'generation.progress': (p) => useQueueStore.getState().applyProgress(p),
  'queue.job': (job) => {
    useQueueStore.getState().upsertJob(job)
    useChatStore.getState().jobChanged(job)
  },
  'queue.removed': ({ jobId }) => useQueueStore.getState().removeJob(jobId),
  'queue.state': (state) => useQueueStore.getState().setQueueState(state),

  'library.added': (asset) => useLibraryStore.getState().added(asset),
  'library.changed': ({ ids }) => void useLibraryStore.getState().refreshIds(ids),
  'library.rebuildProgress': (p) => useRebuildProgress.getState().set(p),

  'chat.run': (run) => useChatStore.getState().applyRun(run)
}

let unsubscribers: Array<() => void> | null = null

/** Subscribes every event once, outside React. Calling it again is a no-op. */
export function wireEvents(): () => void {
  if (!unsubscribers) {
    unsubscribers = (Object.keys(eventHandlers) as EventName[]).map((name) =>
      subscribe(name, eventHandlers[name] as (payload: EventPayload<typeof name>) => void)
    )
  }
  return unwireEvents
}

export function unwireEvents(): void {
  unsubscribers?.forEach((off) => off())
  unsubscribers = null
}
