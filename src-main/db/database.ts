import { mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { applyMigrations, type Migration } from './migrations'

/**
 * The studio's one embedded database (better-sqlite3, synchronous by design: each statement
 * is microseconds, and a transaction can never interleave with another caller's).
 *
 * WAL so readers never wait for the writer; synchronous=FULL because "a job is persisted
 * before its POST" must survive a power cut, not only a crash; foreign keys on; a busy
 * timeout for the rare second connection (a benchmark, a test). Write transactions begin
 * IMMEDIATE (better-sqlite3's `.immediate()`): a deferred one that reads first and then
 * writes cannot wait for another writer (SQLite answers BUSY at once), an immediate one
 * takes the write lock up front and waits like any statement. A file that is not a
 * database, or one SQLite reports corrupt, is moved aside (never deleted) and a new one is
 * made: the caller learns it through `recovered` and rebuilds from what it can (the
 * library from its sidecar files).
 */

export type Db = Database.Database

export interface OpenedDatabase {
  db: Db
  /** The damaged file was moved here and a fresh database created; null when all was well. */
  recovered: { movedTo: string } | null
}

export interface OpenOptions {
  migrations: readonly Migration[]
  now?: () => number
}

const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_VTAB'])

export function isDamagedDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && DAMAGED.has(code)
}

function connect(path: string, migrations: readonly Migration[]): Db {
  const db = new Database(path)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // Reading the schema is what finds a file that is not a database at all.
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    applyMigrations(db, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function openDatabase(path: string, options: OpenOptions): OpenedDatabase {
  mkdirSync(dirname(path), { recursive: true })
  try {
    return { db: connect(path, options.migrations), recovered: null }
  } catch (error) {
    if (!isDamagedDatabaseError(error)) throw error
    const movedTo = `${path}.damaged-${(options.now ?? Date.now)()}`
    renameSync(path, movedTo)
    // The WAL and shared-memory files belong to the damaged file: kept beside it, never replayed into the new one.
    for (const suffix of ['-wal', '-shm']) {
      try {
        renameSync(path + suffix, movedTo + suffix)
      } catch {
        rmSync(path + suffix, { force: true })
      }
    }
    return { db: connect(path, options.migrations), recovered: { movedTo } }
  }
}
