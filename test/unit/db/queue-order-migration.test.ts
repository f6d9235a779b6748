import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../../src-main/db/migrations'
import { MIGRATIONS } from '../../../src-main/db/migrations/index'

/** Migration 007: jobs of before get a run order (oldest first, per mode) and no source. */

describe('migration 007 (queue order)', () => {
  it('numbers existing jobs per mode in the order they were created', () => {
    const db = new Database(':memory:')
    applyMigrations(db, MIGRATIONS.filter((m) => m.version < 7))
    const insert = db.prepare(
      `INSERT INTO queue_jobs (mode, id, kind, status, progress, title, request, credits_estimate, asset_ids, attempts, created_at, updated_at, server_retries, output_urls)
       VALUES (?, ?, 'image', 'pending', 0, 't', '{}', 40, '[]', 0, ?, ?, 0, '[]')`
    )
    for (const [mode, id, at] of [
      ['sandbox', 'b', '2026-03-01T10:02:00.000Z'],
      ['sandbox', 'a', '2026-03-01T10:01:00.000Z'],
      ['krev', 'k', '2026-03-01T10:05:00.000Z'],
      ['sandbox', 'c', '2026-03-01T10:02:00.000Z']
    ] as const)
      insert.run(mode, id, at, at)
    applyMigrations(db, MIGRATIONS)
    const rows = db.prepare('SELECT mode, id, position, source FROM queue_jobs ORDER BY mode, position').all()
    expect(rows).toEqual([
      { mode: 'krev', id: 'k', position: 1, source: null },
      { mode: 'sandbox', id: 'a', position: 1, source: null },
      { mode: 'sandbox', id: 'b', position: 2, source: null },
      { mode: 'sandbox', id: 'c', position: 3, source: null }
    ])
    db.close()
  })
})
