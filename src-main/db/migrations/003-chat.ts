import type { Migration } from '../migrations'

/**
 * Chat conversations, their messages and their runs, keyed by connection mode. Messages
 * and runs keep their order by position; a message's or run's own fields are JSON text,
 * checked when read, so one damaged row costs only itself. Messages and runs are
 * rowid tables: their rows can be long, which WITHOUT ROWID is not for.
 */
export const chatMigration: Migration = {
  version: 3,
  name: 'chat',
  up(db) {
    db.exec(`
      CREATE TABLE chat_conversations (
        mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'krev')),
        id TEXT NOT NULL,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (mode, id)
      ) WITHOUT ROWID;
      CREATE TABLE chat_messages (
        mode TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (mode, conversation_id, position),
        FOREIGN KEY (mode, conversation_id) REFERENCES chat_conversations (mode, id) ON DELETE CASCADE
      );
      CREATE TABLE chat_runs (
        mode TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        run_id TEXT NOT NULL,
        status TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (mode, conversation_id, position),
        FOREIGN KEY (mode, conversation_id) REFERENCES chat_conversations (mode, id) ON DELETE CASCADE
      );
    `)
  }
}
