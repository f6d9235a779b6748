import { existsSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src-main/db/database'
import { applyMigrations, schemaVersion, type Migration } from '../../../src-main/db/migrations'

/** The database room: pragmas, migrations once each and in order, a damaged file moved aside. */

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-db-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const notes: Migration = { version: 1, name: 'notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)') }
const tags: Migration = { version: 2, name: 'tags', up: (db) => db.exec('CREATE TABLE tags (note INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE, tag TEXT NOT NULL)') }

describe('database', () => {
  it('opens in WAL with foreign keys and full sync, and applies each migration once', () => {
    const path = join(dir, 'studio.sqlite3')
    const first = openDatabase(path, { migrations: [tags, notes] })
    expect(first.recovered).toBeNull()
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(first.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(first.db.pragma('synchronous', { simple: true })).toBe(2)
    expect(schemaVersion(first.db)).toBe(2)
    first.db.prepare('INSERT INTO notes (id, body) VALUES (1, ?)').run('hello')
    expect(() => first.db.prepare('INSERT INTO tags VALUES (9, ?)').run('x')).toThrow(/FOREIGN KEY/)
    first.db.close()
    const again = openDatabase(path, { migrations: [notes, tags] })
    expect(again.db.prepare('SELECT body FROM notes').pluck().get()).toBe('hello')
    expect(again.db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(2)
    again.db.close()
  })

  it('a failing step leaves the database at the last whole step', () => {
    const path = join(dir, 'studio.sqlite3')
    const broken: Migration = { version: 2, name: 'broken', up: (db) => { db.exec('CREATE TABLE half (x)'); throw new Error('boom') } }
    expect(() => openDatabase(path, { migrations: [notes, broken] })).toThrow('boom')
    const { db } = openDatabase(path, { migrations: [notes] })
    expect(schemaVersion(db)).toBe(1)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0)
    db.close()
  })

  it('refuses a database from a newer app instead of guessing', () => {
    const path = join(dir, 'studio.sqlite3')
    openDatabase(path, { migrations: [notes, tags] }).db.close()
    expect(() => openDatabase(path, { migrations: [notes] })).toThrow(/newer Krev Studio/)
  })

  it('rejects duplicate migration versions', () => {
    const { db } = openDatabase(join(dir, 'a.sqlite3'), { migrations: [] })
    expect(() => applyMigrations(db, [notes, { ...tags, version: 1 }])).toThrow(/distinct/)
    db.close()
  })

  it('moves a file that is not a database aside and starts a new one', () => {
    const path = join(dir, 'studio.sqlite3')
    writeFileSync(path, 'this is not sqlite at all, just some bytes that fill a page '.repeat(200))
    const { db, recovered } = openDatabase(path, { migrations: [notes], now: () => 42 })
    expect(recovered).toEqual({ movedTo: `${path}.damaged-42` })
    expect(existsSync(`${path}.damaged-42`)).toBe(true)
    expect(schemaVersion(db)).toBe(1)
    db.close()
  })
})
