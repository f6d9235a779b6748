import type { ConnectionMode } from '../../src-preload/contract/values'
import type { Db } from './database'

/**
 * The chat tables: `chat_conversations`, and their `chat_messages` and `chat_runs` in
 * order, per connection mode. Messages and runs travel as JSON text; the chat store checks
 * them on the way out. Writes are synchronous, and `replace` rewrites one conversation
 * whole (its rows are few; the store only rewrites the conversations that changed).
 */

export type ChatRepoMode = ConnectionMode

export interface ConversationRows {
  id: string
  title: string
  /** The agent last used (migration 010); null for conversations of before. */
  agent?: string | null
  createdAt: string
  updatedAt: string
  /** JSON text of each message, oldest first. */
  messages: { id: string; data: string }[]
  /** JSON text of each run, oldest first. */
  runs: { runId: string; status: string; data: string }[]
}

export interface ChatRepo {
  all(mode: ChatRepoMode): ConversationRows[]
  /** Writes the conversation and its messages and runs, replacing what was there. */
  replace(mode: ChatRepoMode, c: ConversationRows, options?: { ifAbsent?: boolean }): void
  remove(mode: ChatRepoMode, id: string): void
  ids(mode: ChatRepoMode): string[]
}

export function createChatRepo(db: Db): ChatRepo {
  const conversations = db.prepare('SELECT id, title, agent, created_at, updated_at FROM chat_conversations WHERE mode = ?')
  const messages = db.prepare('SELECT conversation_id, id, data FROM chat_messages WHERE mode = ? ORDER BY conversation_id, position')
  const runs = db.prepare('SELECT conversation_id, run_id, status, data FROM chat_runs WHERE mode = ? ORDER BY conversation_id, position')
  const ids = db.prepare('SELECT id FROM chat_conversations WHERE mode = ?').pluck()
  const exists = db.prepare('SELECT 1 FROM chat_conversations WHERE mode = ? AND id = ?').pluck()
  const upsert = db.prepare(
    `INSERT INTO chat_conversations (mode, id, title, agent, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (mode, id) DO UPDATE SET title = excluded.title, agent = excluded.agent, created_at = excluded.created_at, updated_at = excluded.updated_at`
  )
  const clearMessages = db.prepare('DELETE FROM chat_messages WHERE mode = ? AND conversation_id = ?')
  const clearRuns = db.prepare('DELETE FROM chat_runs WHERE mode = ? AND conversation_id = ?')
  const addMessage = db.prepare('INSERT INTO chat_messages (mode, conversation_id, position, id, data) VALUES (?, ?, ?, ?, ?)')
  const addRun = db.prepare('INSERT INTO chat_runs (mode, conversation_id, position, run_id, status, data) VALUES (?, ?, ?, ?, ?, ?)')
  const del = db.prepare('DELETE FROM chat_conversations WHERE mode = ? AND id = ?')

  return {
    all(mode) {
      const byId = new Map<string, ConversationRows>()
      for (const r of conversations.all(mode) as { id: string; title: string; agent: string | null; created_at: string; updated_at: string }[]) {
        byId.set(r.id, { id: r.id, title: r.title, agent: r.agent, createdAt: r.created_at, updatedAt: r.updated_at, messages: [], runs: [] })
      }
      for (const m of messages.iterate(mode) as Iterable<{ conversation_id: string; id: string; data: string }>) {
        byId.get(m.conversation_id)?.messages.push({ id: m.id, data: m.data })
      }
      for (const r of runs.iterate(mode) as Iterable<{ conversation_id: string; run_id: string; status: string; data: string }>) {
        byId.get(r.conversation_id)?.runs.push({ runId: r.run_id, status: r.status, data: r.data })
      }
      return [...byId.values()]
    },
    replace(mode, c, options) {
      if (options?.ifAbsent && exists.get(mode, c.id) === 1) return
      upsert.run(mode, c.id, c.title, c.agent ?? null, c.createdAt, c.updatedAt)
      clearMessages.run(mode, c.id)
      clearRuns.run(mode, c.id)
      c.messages.forEach((m, i) => addMessage.run(mode, c.id, i, m.id, m.data))
      c.runs.forEach((r, i) => addRun.run(mode, c.id, i, r.runId, r.status, r.data))
    },
    remove: (mode, id) => void del.run(mode, id),
    ids: (mode) => ids.all(mode) as string[]
  }
}
