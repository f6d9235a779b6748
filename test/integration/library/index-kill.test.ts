import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src-main/db/database'
import { MIGRATIONS } from '../../../src-main/db/migrations/index'
import { createLibraryIndex } from '../../../src-main/library/library-index'

/** kill -9 in the middle of index writes: the database reopens whole, every committed batch complete. */

const CHILD = fileURLToPath(new URL('./index-writer-child.ts', import.meta.url))
let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-kill-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Starts the writer and kills it (SIGKILL) once it has reported `atLeast` durable assets. */
function writeUntilKilled(path: string, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path], { stdio: ['ignore', 'pipe', 'pipe'] })
    let reported = 0
    let buffered = ''
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) reported = Math.max(reported, Number(line))
      if (reported >= atLeast && child.exitCode === null && !child.killed) child.kill('SIGKILL')
    })
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(reported) : reject(new Error(`writer exited (${code}): ${stderr}`))))
  })
}

describe('library index under kill -9', () => {
  it.skipIf(process.platform === 'win32')('reopens consistent: integrity ok, no half batch, search and tags agree with the rows', async () => {
    const path = join(dir, 'studio.sqlite3')
    const reported = await writeUntilKilled(path, 2000)
    const { db, recovered } = openDatabase(path, { migrations: MIGRATIONS })
    expect(recovered).toBeNull()
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const count = (sql: string) => db.prepare(sql).pluck().get() as number
    const assets = count('SELECT count(*) FROM assets')
    // Everything reported durable is there, and only whole batches.
    expect(assets).toBeGreaterThanOrEqual(reported)
    expect(assets % 50).toBe(0)
    expect(count('SELECT count(*) FROM asset_tags')).toBe(assets * 2)
    expect(count('SELECT count(*) FROM asset_products')).toBe(assets)
    expect(count('SELECT count(*) FROM assets_fts')).toBe(assets)
    db.exec("INSERT INTO assets_fts(assets_fts) VALUES ('integrity-check')")
    const index = createLibraryIndex(db)
    expect(index.list('krev', { sort: 'newest', limit: 5, search: 'number' }).total).toBe(assets)
    expect(index.list('krev', { sort: 'newest', limit: 5, favorite: true }).total).toBe(Math.ceil(assets / 7))
    db.close()
  })
})
