import { create } from 'zustand'
import type { Asset, ChatAgent, ChatGeneration, ChatMessage, ChatRun, CommandOutput, Job } from '../../../src-preload/contract'
import { errorMessage, invoke } from '../api/client'
import { failedLoad, type LoadState } from '../lib/load-state'
import { fromJob, upsertGeneration } from '../features/chat/chat-generations'

export type ConversationSummary = CommandOutput<'chat.conversations'>['items'][number]
export type Agent = ChatAgent

interface ChatState {
  conversations: ConversationSummary[]
  activeId: string | null
  messages: ChatMessage[]
  activeRun: ChatRun | null
  /** The generations the open conversation's runs started, and their Library assets once in. */
  generations: ChatGeneration[]
  assets: Record<string, Asset>
  /** The open conversation's agent (what the composer picks when it is opened). */
  agent: Agent | null
  search: string
  load: LoadState
  error: string | null
  sending: boolean
  sendError: string | null

  applyRun(run: ChatRun): void
  /** A queue job changed: the open thread follows the generations it started. */
  jobChanged(job: Job): void
  /** Fetches the Library assets of these ids not known yet (thumbnails). */
  loadAssets(ids: readonly string[]): Promise<void>
  setSearch(search: string): Promise<void>
  rename(id: string, title: string): Promise<boolean>
  remove(id: string): Promise<boolean>
  fetch(): Promise<void>
  open(id: string | null): Promise<void>
  /** Sends a brief, with the products it is about (up to ten); true when the agent took it. */
  send(message: string, agent: Agent, productIds?: readonly string[], refs?: { urls?: readonly string[]; assetIds?: readonly string[] }): Promise<boolean>
}

export const initialChatState = {
  conversations: [] as ConversationSummary[],
  activeId: null,
  messages: [] as ChatMessage[],
  activeRun: null,
  generations: [] as ChatGeneration[],
  assets: {} as Record<string, Asset>,
  agent: null as Agent | null,
  search: '',
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

  jobChanged: (job) => {
    const g = fromJob(job, get().activeId)
    if (g) set((s) => ({ generations: upsertGeneration(s.generations, g) }))
  },

  loadAssets: async (ids) => {
    const missing = [...new Set(ids)].filter((id) => !get().assets[id]).slice(0, 200)
    if (!missing.length) return
    try {
      const { items } = await invoke('library.getMany', { ids: missing })
      set((s) => ({ assets: { ...s.assets, ...Object.fromEntries(items.map((a) => [a.id, a])) } }))
    } catch {
      // Thumbnails only: the tiles keep their placeholder and the next change asks again.
    }
  },

  setSearch: async (search) => {
    set({ search })
    await get().fetch()
  },

  rename: async (id, title) => {
    try {
      const item = await invoke('chat.rename', { id, title })
      set((s) => ({ conversations: s.conversations.map((c) => (c.id === id ? item : c)) }))
      return true
    } catch (e) {
      set({ sendError: errorMessage(e) })
      return false
    }
  },

  remove: async (id) => {
    try {
      await invoke('chat.delete', { id })
      set((s) => ({ conversations: s.conversations.filter((c) => c.id !== id) }))
      if (get().activeId === id) await get().open(null)
      return true
    } catch (e) {
      set({ sendError: errorMessage(e) })
      return false
    }
  },

  fetch: async () => {
    if (get().load === 'idle') set({ load: 'loading' })
    try {
      const search = get().search.trim()
      const out = await invoke('chat.conversations', search ? { search } : {})
      set({ conversations: out.items, load: 'ready', error: null })
    } catch (e) {
      set(failedLoad(e))
    }
  },

  open: async (id) => {
    set({ activeId: id, messages: [], activeRun: null, generations: [], agent: null, sendError: null })
    if (!id) return
    try {
      const out = await invoke('chat.conversation', { id })
      if (get().activeId === id) set({ messages: out.messages, activeRun: out.activeRun, generations: out.generations, agent: out.agent })
    } catch (e) {
      set({ sendError: errorMessage(e) })
    }
  },

  send: async (message, agent, productIds = [], refs = {}) => {
    const referenceImages = refs.urls ?? []
    const referenceAssetIds = refs.assetIds ?? []
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
        ...(products.length ? { productIds: products } : {}),
        ...(referenceImages.length ? { referenceImages: [...referenceImages].slice(0, 8) } : {}),
        ...(referenceAssetIds.length ? { referenceAssetIds: [...referenceAssetIds].slice(0, 8) } : {})
      })
      set({ activeId: run.conversationId, load: 'ready', agent })
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
