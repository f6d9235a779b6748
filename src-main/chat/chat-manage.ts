import type { CommandOutput } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import type { Book } from './chat-books'
import type { Deliveries } from './chat-deliveries'
import type { ChatMode } from './chat-store'
import { newestFirst, summaryOf, titleFrom, type ConversationSummary, type StoredConversation } from './conversation-model'

/**
 * Listing, searching, renaming and deleting conversations: all on this computer (the
 * public chat API has no such calls). A deleted conversation's Library assets stay; only
 * its link to them goes.
 */

export interface ConversationManagement {
  conversations(input?: { search?: string }): Promise<CommandOutput<'chat.conversations'>>
  rename(id: string, title: string): Promise<ConversationSummary>
  remove(id: string): Promise<{ deleted: boolean }>
}

export interface ManageDeps {
  mode(): ChatMode
  book(mode: ChatMode): Promise<Book>
  persist(book: Book): Promise<void>
  deliveries: Deliveries | undefined
  now(): string
}

const MAX_RESULTS = 200

/** Every word of the query in the title or in some message (case- and accent-insensitive). */
export function matches(c: StoredConversation, query: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (!words.length) return true
  const haystack = fold([c.title, ...c.messages.map((m) => m.text)].join('\n'))
  return words.every((w) => haystack.includes(w))
}

export function manageConversations(deps: ManageDeps): ConversationManagement {
  const notHere = () => new AppError('not_found', 'This conversation isn’t on this computer any more.', { retryable: false })
  return {
    async conversations(input) {
      const b = await deps.book(deps.mode())
      const query = input?.search?.trim() ?? ''
      const list = [...b.byId.values()].filter((c) => matches(c, query)).sort(newestFirst)
      return { items: list.slice(0, MAX_RESULTS).map(summaryOf) }
    },

    async rename(id, title) {
      const b = await deps.book(deps.mode())
      const c = b.byId.get(id)
      if (!c) throw notHere()
      c.title = titleFrom(title)
      await deps.persist(b)
      return summaryOf(c)
    },

    async remove(id) {
      const mode = deps.mode()
      const b = await deps.book(mode)
      if (!b.byId.delete(id)) return { deleted: false }
      await deps.persist(b)
      deps.deliveries?.forget(mode, id)
      return { deleted: true }
    }
  }
}
