import type { Db } from './database'
import type { ChatRepoMode } from './chat-repo'

/**
 * `chat_generations` (migration 010): every generation a chat run reported, with the
 * conversation and message it belongs to and the queue job that follows it. The Library's
 * assets are joined by generation id, so a message finds its images whether or not the
 * job is still in the Queue.
 */

export interface ChatGenerationRow {
  generationId: string
  conversationId: string
  messageId: string
  runId: string
  jobId: string | null
  kind: string
  credits: number | null
  /** JSON of the request the adopted job holds. */
  request: string
  createdAt: string
}

export interface ChatGenerationWithAssets extends ChatGenerationRow {
  /** The Library assets made from it, in output order. */
  assetIds: string[]
}

export interface ChatGenerationsRepo {
  /** Records a generation once; a second call for the same id changes nothing. */
  link(mode: ChatRepoMode, row: ChatGenerationRow): void
  setJob(mode: ChatRepoMode, generationId: string, jobId: string): void
  /** A message id we made up was replaced by Krev's. */
  renameMessage(mode: ChatRepoMode, from: string, to: string): void
  forConversation(mode: ChatRepoMode, conversationId: string): ChatGenerationWithAssets[]
  /** Generations whose job could not be created yet (adopted again on the next chance). */
  withoutJob(mode: ChatRepoMode): ChatGenerationRow[]
  removeConversation(mode: ChatRepoMode, conversationId: string): void
}

interface Row {
  generation_id: string
  conversation_id: string
  message_id: string
  run_id: string
  job_id: string | null
  kind: string
  credits: number | null
  request: string
  created_at: string
}

const fromRow = (r: Row): ChatGenerationRow => ({
  generationId: r.generation_id,
  conversationId: r.conversation_id,
  messageId: r.message_id,
  runId: r.run_id,
  jobId: r.job_id,
  kind: r.kind,
  credits: r.credits,
  request: r.request,
  createdAt: r.created_at
})

export function createChatGenerationsRepo(db: Db): ChatGenerationsRepo {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO chat_generations (mode, generation_id, conversation_id, message_id, run_id, job_id, kind, credits, request, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const setJob = db.prepare('UPDATE chat_generations SET job_id = ? WHERE mode = ? AND generation_id = ?')
  const rename = db.prepare('UPDATE chat_generations SET message_id = ? WHERE mode = ? AND message_id = ?')
  const ofConversation = db.prepare('SELECT * FROM chat_generations WHERE mode = ? AND conversation_id = ? ORDER BY created_at, generation_id')
  const assetsOf = db.prepare(
    `SELECT a.generation_id AS generation_id, a.id AS id FROM assets a
     JOIN chat_generations g ON g.mode = a.mode AND g.generation_id = a.generation_id
     WHERE g.mode = ? AND g.conversation_id = ? ORDER BY a.id`
  )
  const orphans = db.prepare('SELECT * FROM chat_generations WHERE mode = ? AND job_id IS NULL ORDER BY created_at')
  const remove = db.prepare('DELETE FROM chat_generations WHERE mode = ? AND conversation_id = ?')

  return {
    link: (mode, r) => void insert.run(mode, r.generationId, r.conversationId, r.messageId, r.runId, r.jobId, r.kind, r.credits, r.request, r.createdAt),
    setJob: (mode, generationId, jobId) => void setJob.run(jobId, mode, generationId),
    renameMessage: (mode, from, to) => void rename.run(to, mode, from),
    forConversation(mode, conversationId) {
      const assets = new Map<string, string[]>()
      for (const a of assetsOf.iterate(mode, conversationId) as Iterable<{ generation_id: string; id: string }>) {
        const list = assets.get(a.generation_id) ?? []
        list.push(a.id)
        assets.set(a.generation_id, list)
      }
      return (ofConversation.all(mode, conversationId) as Row[]).map((r) => ({ ...fromRow(r), assetIds: assets.get(r.generation_id) ?? [] }))
    },
    withoutJob: (mode) => (orphans.all(mode) as Row[]).map(fromRow),
    removeConversation: (mode, id) => void remove.run(mode, id)
  }
}
