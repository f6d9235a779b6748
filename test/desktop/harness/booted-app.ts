// The test side of the control channel: forks boot-child.ts (fork IPC, 'advanced'
// serialization so bytes arrive as Uint8Array), waits for its {booted} message and sends ops.
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Op, Sender } from './control-ops'

const ROOT = resolve(import.meta.dirname, '../../..')

export interface BootedApp {
  userData: string
  request<T = unknown>(op: Op): Promise<T>
  invoke(from: Sender, name: string, input?: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>
  /** Asks the app to quit and waits for the child to exit; returns its exit code. */
  quit(): Promise<number | null>
  /** webContents.send from main, as the page's ipcRenderer would receive it. */
  onDeliver(fn: (channel: string, args: unknown[]) => void): void
  output(): string
  dispose(): void
}

export async function bootApp(env: Record<string, string> = {}): Promise<BootedApp> {
  const userData = mkdtempSync(join(tmpdir(), 'krev-desktop-'))
  const child: ChildProcess = fork('test/desktop/harness/boot-child.ts', [], {
    cwd: ROOT,
    execArgv: ['--import', './test/desktop/loader/register.mjs', '--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // No session bus: keytar fails fast and can never touch a real keychain.
    env: { ...process.env, KREV_DOUBLE_USER_DATA: userData, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', ELECTRON_RENDERER_URL: '', ...env }
  })
  let log = ''
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const pending = new Map<number, { ok(v: unknown): void; fail(e: Error): void }>()
  let nextId = 1
  const deliverers: Array<(channel: string, args: unknown[]) => void> = []
  await new Promise<void>((ok, fail) => {
    child.on('message', (msg: { booted?: boolean; deliver?: { channel: string; args: unknown[] }; id?: number; result?: unknown; error?: string }) => {
      if (msg.booted) return ok()
      if (msg.deliver) return deliverers.forEach((fn) => fn(msg.deliver!.channel, msg.deliver!.args))
      const waiter = pending.get(msg.id!)
      pending.delete(msg.id!)
      if (msg.error !== undefined) waiter?.fail(new Error(msg.error))
      else waiter?.ok(msg.result)
    })
    void exited.then((code) => fail(new Error(`the app exited (${code}) before its page loaded:\n${log}`)))
  })
  void exited.then(() => pending.forEach((w) => w.fail(new Error(`the app exited:\n${log}`))))
  const request = <T>(op: Op) =>
    new Promise<T>((ok, fail) => {
      const id = nextId++
      pending.set(id, { ok: ok as (v: unknown) => void, fail })
      child.send({ ...op, id })
    })
  return {
    userData,
    request,
    invoke: (from, name, input) => request({ op: 'invoke', from, name, input }),
    async quit() {
      await request({ op: 'quit' })
      return exited
    },
    onDeliver: (fn) => void deliverers.push(fn),
    output: () => log,
    dispose() {
      if (child.exitCode === null) child.kill()
      rmSync(userData, { recursive: true, force: true })
    }
  }
}
