import { create } from 'zustand'
import type { ChatMessage, ChatRun, CommandOutput } from '../../../src-preload/contract'
import { errorMessage, invoke } from '../api/client'
import { failedLoad, type LoadState } from '../lib/load-state'

export type ConversationSummary = CommandOutput<'chat.conversations'>['items'][number]
export type Agent = 'auto' | 'asset' | 'discover'

interface ChatState {
  conversations: ConversationSummary[]
  activeId: string | null
  messages: ChatMessage[]
  activeRun: ChatRun | null
  load: LoadState
  error: string | null
  sending: boolean
  sendError: string | null

  applyRun(run: ChatRun): void
  fetch(): Promise<void>
  open(id: string | null): Promise<void>
  /** Sends a brief, with the products it is about (up to ten); true when the agent took it. */
  send(message: string, agent: Agent, productIds?: readonly string[]): Promise<boolean>
}

export const initialChatState = {
  conversations: [] as ConversationSummary[],
  activeId: null,
  messages: [] as ChatMessage[],
  activeRun: null,
  load: 'idle' as LoadState,
  error: null,
  sending: false,
  sendError: null
}

/** Messages of a run merged into the open conversation, in time order, without duplicates. */
export function mergeMessages(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const byId = new Map(current.map((m) => [m.id, m]))
  for (const m of incoming) byId.set(m.id, m)
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

export function touchConversation(list: ConversationSummary[], run: ChatRun, title: string): ConversationSummary[] {
  const existing = list.find((c) => c.id === run.conversationId)
  const item: ConversationSummary = {
    id: run.conversationId,
    title: existing?.title ?? title,
    agent: existing?.agent ?? null,
    updatedAt: run.updatedAt,
    lastStatus: run.status
  }
  return [item, ...list.filter((c) => c.id !== run.conversationId)]
}

export const useChatStore = create<ChatState>()((set, get) => ({
  ...initialChatState,

  applyRun: (run) =>
    set((s) => {
      const firstUser = run.messages.find((m) => m.role === 'user')?.text ?? 'New brief'
      const conversations = touchConversation(s.conversations, run, firstUser.slice(0, 80))
      if (s.activeId !== run.conversationId) return { conversations }
      return { conversations, activeRun: run, messages: mergeMessages(s.messages, run.messages) }
    }),

  fetch: async () => {
    if (get().load === 'idle') set({ load: 'loading' })
    try {
      const out = await invoke('chat.conversations', {})
      set({ conversations: out.items, load: 'ready', error: null })
    } catch (e) {
      set(failedLoad(e))
    }
  },

  open: async (id) => {
    set({ activeId: id, messages: [], activeRun: null, sendError: null })
    if (!id) return
    try {
      const out = await invoke('chat.conversation', { id })
      if (get().activeId === id) set({ messages: out.messages, activeRun: out.activeRun })
    } catch (e) {
      set({ sendError: errorMessage(e) })
    }
  },

  send: async (message, agent, productIds = []) => {
    const text = message.trim()
    if (!text) return false
    set({ sending: true, sendError: null })
    try {
      const activeId = get().activeId
      const products = [...new Set(productIds)].slice(0, 10)
      const run = await invoke('chat.send', {
        message: text,
        agent,
        ...(activeId ? { conversationId: activeId } : {}),
        ...(products.length ? { productIds: products } : {})
      })
      set({ activeId: run.conversationId, load: 'ready' })
      get().applyRun(run)
      return true
    } catch (e) {
      set({ sendError: errorMessage(e) })
      return false
    } finally {
      set({ sending: false })
    }
  }
}))
