import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface Preview {
  url: string
  dataDir: string
  /** Stop the headless studio (as a crash or quit would) and start it again on the same data. */
  restart(): Promise<Preview>
  stop(): Promise<void>
}

const ROOT = resolve(import.meta.dirname, '../../..')
const TSX = resolve(ROOT, 'node_modules/.bin/tsx')

/**
 * Starts `preview:web` as a real child process on port 0 with a fresh data dir (unless
 * one is given), like Signal's mock-server tests: real services, fake backend, nothing shared.
 */
export async function startPreview(opts: { dataDir?: string; env?: Record<string, string> } = {}): Promise<Preview> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'krev-e2e-'))
  const child = spawn(TSX, ['scripts/preview-web.ts', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const url = await readUrl(child)
  const stop = () => stopChild(child)
  return {
    url,
    dataDir,
    stop,
    async restart() {
      await stop()
      return startPreview({ ...opts, dataDir })
    }
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((ok, fail) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => fail(new Error(`preview:web did not start in time\n${out}\n${err}`)), 45_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /KREV_PREVIEW_URL=(\S+)/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        ok(match[1])
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`preview:web exited with ${code}\n${out}\n${err}`))
    })
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((ok) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(force)
      ok()
    })
    child.kill('SIGTERM')
  })
}
