import type Database from 'better-sqlite3'
import { AppError } from '../core/app-error'

/**
 * Schema migrations, Signal Desktop's way: an ordered list of numbered steps, each applied
 * once inside its own transaction and recorded in `schema_migrations`, so a crash mid-way
 * leaves the database at the last whole step. A database written by a newer Krev Studio
 * (a version we don't know) is refused rather than guessed at.
 *
 * Each domain owns its migration files under ./migrations/ (library, queue, chat,
 * products); ./migrations/index.ts lists them in order.
 */

export interface Migration {
  version: number
  name: string
  up(db: Database.Database): void
}

export function schemaVersion(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }
  return row.v ?? 0
}

export function applyMigrations(db: Database.Database, migrations: readonly Migration[], now: () => Date = () => new Date()): number {
  const ordered = [...migrations].sort((a, b) => a.version - b.version)
  ordered.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1 || (i > 0 && ordered[i - 1]!.version === m.version)) {
      throw new Error(`migration versions must be distinct positive integers (${m.name})`)
    }
  })
  const current = schemaVersion(db)
  const newest = ordered.at(-1)?.version ?? 0
  if (current > newest) {
    throw new AppError('conflict', 'This library was opened by a newer Krev Studio. Update the app to open it.', { retryable: false })
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const m of ordered) {
    if (m.version <= current) continue
    db.transaction(() => {
      m.up(db)
      record.run(m.version, m.name, now().toISOString())
    }).immediate()
  }
  return schemaVersion(db)
}
