// utilityProcess.fork on node:child_process.fork. Electron: "utilityProcess.fork can only
// be called after the ready event has been emitted on App" (docs, api/utility-process.md).
// The child gets `process.parentPort` from parent-port-shim.mjs; the parent side speaks
// UtilityProcess: postMessage, 'spawn', 'message' (the data itself), 'exit' (code), kill().
import { fork, type ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { record, requireReady, violate } from './record'

const SHIM = fileURLToPath(new URL('./parent-port-shim.mjs', import.meta.url))

export interface ForkOptions {
  env?: NodeJS.ProcessEnv
  execArgv?: string[]
  cwd?: string
  stdio?: 'pipe' | 'ignore' | 'inherit' | Array<'pipe' | 'ignore' | 'inherit'>
  serviceName?: string
  allowLoadingUnsignedLibraries?: boolean
  respondToAuthRequestsFromMainProcess?: boolean
}

export const forkedProcesses: UtilityProcess[] = []

export class UtilityProcess extends EventEmitter {
  readonly child: ChildProcess
  stdout: Readable | null
  stderr: Readable | null

  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: ForkOptions
  ) {
    super()
    const stdio = options.stdio ?? 'inherit'
    const [, out, err] = Array.isArray(stdio) ? stdio : [stdio, stdio, stdio]
    this.child = fork(modulePath, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      execArgv: [...(options.execArgv ?? []), '--import', SHIM],
      stdio: ['ignore', out ?? 'inherit', err ?? 'inherit', 'ipc'],
      serialization: 'advanced'
    })
    this.stdout = this.child.stdout
    this.stderr = this.child.stderr
    this.child.once('spawn', () => this.emit('spawn'))
    this.child.on('message', (raw: { __krevUtility?: string; data?: unknown }) => {
      if (raw?.__krevUtility === 'message') this.emit('message', raw.data)
    })
    this.child.once('exit', (code, signal) => this.emit('exit', code ?? (signal ? 1 : 0)))
    this.child.once('error', (error) => this.emit('error', 'FatalError', String(error)))
  }

  get pid(): number | undefined {
    return this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined
  }

  postMessage(message: unknown, transfer?: unknown[]): void {
    if (transfer && transfer.length > 0) violate('utilityProcess double: MessagePortMain transfer is not supported')
    if (!this.child.connected) return
    this.child.send({ __krevUtility: 'message', data: message })
  }

  kill(): boolean {
    record('utilityProcess.kill', { modulePath: this.modulePath })
    return this.child.kill()
  }
}

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: ForkOptions = {}): UtilityProcess {
    record('utilityProcess.fork', { modulePath, args, serviceName: options.serviceName })
    requireReady('utilityProcess.fork', 'utilityProcess.fork can only be called after app is ready')
    if (typeof modulePath !== 'string') violate('utilityProcess.fork: modulePath must be a string', TypeError)
    const proc = new UtilityProcess(modulePath, args, options)
    forkedProcesses.push(proc)
    return proc
  }
}

/** The harness kills what the app left running when the test ends. */
export function killForkedProcesses(): void {
  for (const p of forkedProcesses) if (p.pid !== undefined) p.child.kill('SIGKILL')
}
