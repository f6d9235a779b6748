import type { Migration } from '../migrations'

/**
 * Chat, complete (issue 13): which generations a chat message started (`chat_generations`,
 * the link from the Library back to a conversation and message, found through the assets'
 * generation id, so it holds whether the job is later cleared from the Queue or not), the
 * agent each conversation was last briefed with (an adopted job's source is migration 7's column).
 */
export const chatResultsMigration: Migration = {
  version: 10,
  name: 'chat-results',
  up(db) {
    db.exec(`
      CREATE TABLE chat_generations (
        mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'krev')),
        generation_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        run_id TEXT NOT NULL,
        job_id TEXT,
        kind TEXT NOT NULL,
        credits INTEGER,
        -- JSON of the request the adopted job holds (what the run said was asked).
        request TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (mode, generation_id)
      ) WITHOUT ROWID;
      CREATE INDEX chat_generations_conversation ON chat_generations (mode, conversation_id);
      ALTER TABLE chat_conversations ADD COLUMN agent TEXT;
    `)
  }
}
