import { spawn } from 'node:child_process'
import { promises as fsp, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { newAsset } from './new-asset'
import { ioError } from '../../../src-main/queue/failure'
import { openTestLibrary, sandboxLibraryDir } from './open-library'
import { tempDirs } from '../../support/temp-dirs'

/**
 * Faults row 25/26: the disk fills (or refuses) while an output or a sidecar is written, and
 * another process holds the database's write lock. Each leaves the library consistent.
 */

let dir: string
let png: Buffer
beforeAll(async () => {
  png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer()
})
const newDir = tempDirs('krev-libfault-')
beforeEach(async () => {
  dir = await newDir()
})
afterEach(() => vi.restoreAllMocks())

const input = (id: string) =>
  newAsset(id, { jobId: `job_${id}`, generationId: `gen_${id}`, prompt: `Prompt of ${id}`, aspectRatio: '4:3' })

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })
/** Every file opened for writing inside the sandbox Library folder fails with `code` (the thumbnail cache still works). */
function failLibraryWrites(code: string): void {
  const real = fsp.open.bind(fsp)
  vi.spyOn(fsp, 'open').mockImplementation(((path: string, flags?: string, mode?: number) => {
    if (String(path).startsWith(sandboxLibraryDir(dir)) && flags === 'w') return Promise.reject(errno(code))
    return real(path, flags, mode)
  }) as typeof fsp.open)
}
const filesIn = (folder: string): string[] => readdirSync(folder, { recursive: true, encoding: 'utf8' })

describe('disk and database faults in the library', () => {
  it.each(['ENOSPC', 'EACCES'])('%s while saving an output: a clear error, nothing indexed, no file left behind', async (code) => {
    const lib = openTestLibrary(dir)
    await lib.add('sandbox', input('a1'), png)
    failLibraryWrites(code)
    const error = await lib.add('sandbox', input('a2'), png).then(
      () => null,
      (e: unknown) => e
    )
    expect((error as { code?: string }).code).toBe(code)
    // What the queue shows the creator for it.
    expect(ioError(error)?.message).toMatch(code === 'ENOSPC' ? /disk is full/ : /isn’t allowed to write/)
    vi.restoreAllMocks()
    expect(await lib.has('sandbox', 'a2')).toBe(false)
    expect((await lib.list({ sort: 'newest', limit: 10 })).items.map((a) => a.id)).toEqual(['a1'])
    const left = filesIn(sandboxLibraryDir(dir)).filter((n) => /a2|\.tmp$/.test(n) || n.includes('Prompt of a2'))
    expect(left).toEqual([])
    await lib.idle()
    lib.close()
  })

  it('a full disk while a sidecar follows an edit: the edit stands, the old sidecar stays whole', async () => {
    const lib = openTestLibrary(dir)
    await lib.add('sandbox', input('a1'), png)
    await lib.idle()
    const sidecar = filesIn(sandboxLibraryDir(dir)).find((n) => n.endsWith('.krev.json')) as string
    const before = readFileSync(join(sandboxLibraryDir(dir), sidecar), 'utf8')
    failLibraryWrites('ENOSPC')
    await lib.update({ ids: ['a1'], favorite: true })
    await lib.idle()
    vi.restoreAllMocks()
    expect((await lib.get('a1')).favorite).toBe(true)
    expect(readFileSync(join(sandboxLibraryDir(dir), sidecar), 'utf8')).toBe(before)
    expect(JSON.parse(before)).toMatchObject({ id: 'a1', favorite: false })
    expect(filesIn(sandboxLibraryDir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
    lib.close()
  })

  it('another process holding the database lock: an edit waits for it, then lands', async () => {
    const lib = openTestLibrary(dir)
    await lib.add('sandbox', input('a1'), png)
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const d = new D(process.argv[1]); d.pragma('busy_timeout = 5000');
         d.exec('BEGIN IMMEDIATE'); d.prepare('UPDATE assets SET rating = 1').run(); process.stdout.write('locked\\n');
         setTimeout(() => { const at = Date.now(); d.exec('ROLLBACK'); d.close(); process.stdout.write('released ' + at + '\\n') }, 400)`,
        join(dir, 'studio.sqlite3')
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] }
    )
    let out = ''
    await new Promise<void>((ok, fail) => {
      holder.stdout.on('data', (c: Buffer) => {
        out += c.toString()
        if (out.includes('locked')) ok()
      })
      holder.once('exit', () => fail(new Error(`the lock holder exited early: ${out}`)))
    })
    const updated = await lib.update({ ids: ['a1'], rating: 5 })
    const landedAt = Date.now()
    await new Promise((ok) => (holder.exitCode === null ? holder.once('exit', ok) : ok(null)))
    // The edit waited for the other process to let go (it did not fail with "database is locked").
    const releasedAt = Number(/released (\d+)/.exec(out)?.[1])
    expect(landedAt).toBeGreaterThanOrEqual(releasedAt)
    expect(updated.items[0]?.rating).toBe(5)
    expect((await lib.get('a1')).rating).toBe(5)
    await lib.idle()
    lib.close()
  })
})
