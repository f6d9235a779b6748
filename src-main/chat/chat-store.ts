import { z } from 'zod'
import { agent, chatMessage, runStatus, type Connection } from '../../src-preload/contract'
import { createChatRepo, type ConversationRows } from '../db/chat-repo'
import type { Db } from '../db/database'
import { sharedStudioDatabase } from '../db/studio-database'
import type { Notice } from '../settings/json-store'
import { importLegacyChats, legacyChatFile } from './chat-import'
import type { StoredConversation, StoredRun } from './conversation-model'

/**
 * Conversations in the studio's database (db/chat-repo.ts), per connection mode so sandbox
 * and Krev chats never mix, and the list works offline. A save commits, in one
 * transaction, just the conversations that changed since the last one (the rest are
 * already there). Messages and runs are checked when read: one bad entry costs only that
 * entry. The conversations.json files of before are imported on first load (chat-import.ts).
 */

export type ChatMode = Connection['mode']

const MAX_ID = 128

const runShape = z.object({
  runId: z.string().min(1).max(MAX_ID),
  status: runStatus,
  assistantText: z.string(),
  generationIds: z.array(z.string()),
  error: z.string().nullable(),
  userMessageId: z.string(),
  assistantMessageId: z.string(),
  productIds: z.array(z.string()).max(10).optional(),
  createdAt: z.string().max(64),
  updatedAt: z.string().max(64)
})
const conversationShape = z.object({
  id: z.string().min(1).max(MAX_ID),
  title: z.string(),
  agent: agent.nullable().catch(null).default(null),
  createdAt: z.string().max(64),
  updatedAt: z.string().max(64),
  messages: z.array(z.unknown()),
  runs: z.array(z.unknown())
})

export interface LoadedChats {
  conversations: StoredConversation[]
  /** False when the old file could not be read or moved aside: saving would destroy it. */
  writable: boolean
}

export interface ChatStore {
  /** Where this mode's chats were kept before the database (imported, then renamed aside). */
  path(mode: ChatMode): string
  load(mode: ChatMode): Promise<LoadedChats>
  /** `snapshot` is read when the write starts, so a queued save writes the newest state. */
  save(mode: ChatMode, snapshot: () => StoredConversation[]): Promise<void>
  /** Resolves when every queued save has finished (tests, shutdown). */
  flush(): Promise<void>
}

function validEntries<T>(list: unknown[], shape: z.ZodType<T>): T[] {
  return list.flatMap((x) => {
    const r = shape.safeParse(x)
    return r.success ? [r.data] : []
  })
}

function readConversation(raw: unknown): StoredConversation | null {
  const c = conversationShape.safeParse(raw)
  if (!c.success) return null
  return {
    ...c.data,
    messages: validEntries(c.data.messages, chatMessage),
    runs: validEntries(c.data.runs, runShape) as StoredRun[]
  }
}

const parseOr = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

const toRows = (c: StoredConversation): ConversationRows => ({
  id: c.id,
  title: c.title,
  agent: c.agent,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  messages: c.messages.map((m) => ({ id: m.id, data: JSON.stringify(m) })),
  runs: c.runs.map((r) => ({ runId: r.runId, status: r.status, data: JSON.stringify(r) }))
})

const fromRows = (r: ConversationRows): StoredConversation | null =>
  readConversation({ ...r, messages: r.messages.map((m) => parseOr(m.data)), runs: r.runs.map((x) => parseOr(x.data)) })

export function createChatStore(dataDir: string, onNotice: (n: Notice) => void = () => undefined, db: Db = sharedStudioDatabase(dataDir)): ChatStore {
  const repo = createChatRepo(db)
  // What each conversation looked like when last written: a save rewrites only those that differ.
  const written = new Map<ChatMode, Map<string, string>>()
  const fingerprint = (c: StoredConversation) => JSON.stringify(c)

  const commit = db.transaction((mode: ChatMode, conversations: StoredConversation[]) => {
    const before = written.get(mode) ?? new Map<string, string>(repo.ids(mode).map((id) => [id, '']))
    const after = new Map<string, string>()
    for (const c of conversations) {
      const print = fingerprint(c)
      after.set(c.id, print)
      if (before.get(c.id) !== print) repo.replace(mode, toRows(c))
    }
    for (const id of before.keys()) if (!after.has(id)) repo.remove(mode, id)
    return after
  })

  return {
    path: (mode) => legacyChatFile(dataDir, mode),

    async load(mode) {
      const locked = await importLegacyChats({ db, repo, dataDir, onNotice, readConversation, toRows })
      if (locked.has(mode)) return { conversations: [], writable: false }
      const conversations = repo.all(mode).flatMap((r) => {
        const c = fromRows(r)
        return c ? [c] : []
      })
      written.set(mode, new Map(conversations.map((c) => [c.id, fingerprint(c)])))
      return { conversations, writable: true }
    },

    async save(mode, snapshot) {
      const after = commit.immediate(mode, snapshot())
      written.set(mode, after)
    },

    flush: async () => undefined
  }
}
