import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { waitFor } from '../../support/wait-for'

/** kill -9 on main must not leave the sandbox worker (a process holding a server) behind. */

const ROOT = resolve(import.meta.dirname, '../../..')
const PARENT = join(import.meta.dirname, 'fixtures/sandbox-parent.ts')
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

let dir: string | null = null
const workers: number[] = []
afterAll(async () => {
  // A failed run must not leave its orphan behind either.
  for (const pid of workers.filter(alive)) process.kill(pid, 'SIGKILL')
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the sandbox worker when main dies', () => {
  it.each(['fork', 'utility'])('exits when main is killed with SIGKILL, and its port stops answering (%s)', async (how) => {
    dir ??= await mkdtemp(join(tmpdir(), 'krev-sbw-orphan-'))
    const parent = spawn(process.execPath, ['--import', 'tsx', PARENT, join(dir, how), how], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    const line = await new Promise<string>((ok, fail) => {
      let out = ''
      parent.stdout.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /SANDBOX_WORKER pid=\d+ url=\S+/.exec(out)
        if (m) ok(m[0])
      })
      parent.once('exit', (code) => fail(new Error(`parent exited (${code}): ${out}`)))
    })
    const [, pid, url] = /pid=(\d+) url=(\S+)/.exec(line)!
    workers.push(Number(pid))
    expect((await fetch(`${url}/`)).status).toBe(200)
    await new Promise<void>((ok) => {
      parent.once('exit', () => ok())
      parent.kill('SIGKILL')
    })
    await waitFor(() => !alive(Number(pid)), { timeoutMs: 15_000, message: `the orphaned worker ${pid} is still alive` })
    await expect(fetch(`${url}/`)).rejects.toThrow()
  }, 60_000)
})
