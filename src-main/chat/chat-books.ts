import type { Logger } from '../core/logger'
import type { Notice } from '../settings/json-store'
import type { ChatMode, ChatStore } from './chat-store'
import { enforceBounds, type StoredConversation } from './conversation-model'

/**
 * Each mode's conversations in memory, loaded from the store on first use and saved back
 * after every change. Saving never throws: the chat must go on when the disk is full, so
 * a failed save is logged, told to the creator once, and retried with the next change.
 */

export interface Book {
  mode: ChatMode
  byId: Map<string, StoredConversation>
  /** False when the file on disk could not be read: saving over it would destroy it. */
  writable: boolean
  saveFailed: boolean
}

export interface Books {
  get(mode: ChatMode): Promise<Book>
  persist(book: Book): Promise<void>
}

export function createBooks(store: ChatStore, logger: Logger, notify: (n: Notice) => void): Books {
  const books = new Map<ChatMode, Promise<Book>>()
  return {
    get(mode) {
      let b = books.get(mode)
      if (!b) {
        b = store.load(mode).then((loaded) => ({
          mode,
          byId: new Map(loaded.conversations.map((c) => [c.id, c])),
          writable: loaded.writable,
          saveFailed: false
        }))
        books.set(mode, b)
      }
      return b
    },

    async persist(b) {
      enforceBounds(b.byId)
      if (!b.writable) return
      try {
        await store.save(b.mode, () => [...b.byId.values()])
        b.saveFailed = false
      } catch (error) {
        logger.error('chat: saving conversations failed', { mode: b.mode, error })
        if (!b.saveFailed) {
          notify({
            level: 'error',
            message: 'Krev Studio couldn’t save your chats on this computer. They’re kept while the app is open; check the free disk space.',
            detail: (error as NodeJS.ErrnoException).code ?? String(error)
          })
        }
        b.saveFailed = true
      }
    }
  }
}
