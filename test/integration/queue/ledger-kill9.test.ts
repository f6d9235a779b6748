import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createJobsRepo } from '../../../src-main/db/jobs-repo'
import { studioDatabasePath } from '../../../src-main/db/studio-database'
import { createJobStore } from '../../../src-main/queue/job-store'
import { newJob } from '../../../src-main/queue/job-transitions'
import { openStudioTestDatabase } from '../../unit/db/studio-test-database'

// A kill -9 in the middle of queue ledger writes, three times: the database opens
// consistent, every state reported committed is there, and a transaction's two rows are
// never half written (each run of the writer counts its rounds from 1 again).
const ROOT = resolve(import.meta.dirname, '../../..')
const WRITER = join(import.meta.dirname, 'fixtures/ledger-writer.ts')
const IMPORTER = join(import.meta.dirname, 'fixtures/ledger-importer.ts')
const dataDir = mkdtempSync(join(tmpdir(), 'krev-ledger-kill9-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

/** Runs the writer until it has committed `rounds` more states, then kills it; answers the last one it reported. */
function writeThenKill(rounds: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((ok, fail) => {
    let out = ''
    let err = ''
    let last = 0
    let seen = 0
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const lines = out.split('\n')
      out = lines.pop()!
      for (const line of lines) {
        last = Number(line)
        if (++seen === rounds) child.kill('SIGKILL')
      }
    })
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? ok(last) : fail(new Error(`writer exited (${code}): ${err}`))))
  })
}

describe('kill -9 during queue ledger writes', () => {
  it('reopens consistent with every committed state, three times', async () => {
    for (let i = 0; i < 3; i++) {
      const reported = await writeThenKill(200 + i * 137)
      const db = new Database(studioDatabasePath(dataDir))
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        const damaged: string[] = []
        const jobs = createJobsRepo(db).all('sandbox', (id) => void damaged.push(id))
        expect(damaged).toEqual([])
        const byId = new Map(jobs.map((j) => [j.id, j]))
        expect([...byId.keys()].sort()).toEqual(['job-a', 'job-b', 'job-c'])
        const [a, b, c] = ['job-a', 'job-b', 'job-c'].map((id) => byId.get(id)!)
        // The transaction's two rows: both of one round, never one ahead of the other.
        expect(b!.attempts).toBe(a!.attempts)
        expect(a!.outputUrls).toHaveLength(a!.attempts % 50)
        // Nothing reported committed is lost (the writer may have gone on a little before the kill landed).
        expect(c!.attempts).toBeGreaterThanOrEqual(reported)
        // Each round writes the pair, then the third job: it is of this round or the one before.
        expect([a!.attempts, a!.attempts - 1]).toContain(c!.attempts)
        expect(c!.title).toHaveLength(c!.attempts % 4000)
      } finally {
        db.close()
      }
    }
  }, 120_000)
})

describe('kill -9 during the first start’s import of the job files', () => {
  it('the next start imports every job, once, and only then moves the folder aside', async () => {
    const dir = join(dataDir, 'import')
    const jobsDir = join(dir, 'queue', 'sandbox', 'jobs')
    mkdirSync(jobsDir, { recursive: true })
    const req = { kind: 'image', params: { prompt: 'Wallet on marble', aspectRatio: '1:1', hd: false, imageCount: 1 } } as const
    const ids: string[] = []
    for (let i = 0; i < 2000; i++) {
      const j = newJob(req, 'sandbox', new Date(Date.UTC(2026, 2, 1) + i * 1000).toISOString(), false)
      ids.push(j.id)
      writeFileSync(join(jobsDir, `${j.id}.json`), JSON.stringify({ format: 1, job: j }))
    }
    const child = spawn(process.execPath, ['--import', 'tsx', IMPORTER, dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    const outcome = await new Promise<string>((ok, fail) => {
      child.stdout.on('data', (c: Buffer) => {
        // A different moment of the import every run: 0-150 ms after it began.
        if (c.toString().includes('importing')) setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 150))
      })
      child.once('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? ok(signal ?? 'finished') : fail(new Error(`importer exited (${code}): ${err}`))))
    })
    console.log(`import child: ${outcome}`)

    // The next start opens it as the studio does, migrations first: the kill may have landed
    // before they were committed (then there is no table yet, and everything is imported now).
    const { db } = openStudioTestDatabase(dir)
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const found = await createJobStore(dir, undefined, db).load('sandbox')
      expect(found.map((j) => j.id).sort()).toEqual([...ids].sort())
      expect(existsSync(jobsDir)).toBe(false)
      expect(readdirSync(join(dir, 'queue', 'sandbox')).filter((n) => n.startsWith('jobs.imported-'))).toHaveLength(1)
    } finally {
      db.close()
    }
  }, 120_000)
})
