import { AppError } from '../core/app-error'
import { silentLogger, type Logger } from '../core/logger'
import type { SpawnWorker, WorkerChannel } from './channel'
import type { SharpBuild } from './load-sharp'
import { MEDIA_OP_NAMES, type MediaOps } from './media-ops'
import { fromWire, isWorkerMessage, type CallMessage, type OpName } from './protocol'

/**
 * Main's handle on the media worker: implements MediaOps by sending each call to the
 * worker process and matching the answer by id. When the worker dies, the calls in flight
 * reject with a retryable `worker_crashed` (the queue retries the job), and the next call
 * starts a new worker — at most `maxRestartsPerMinute` times a minute, so a worker that
 * crashes on start cannot spin the CPU; past that, calls fail fast until the minute is up.
 */

export interface MediaWorkerOptions {
  spawn: SpawnWorker
  /** out/main/media-worker.js in the app; the .ts entry under tsx in tests. */
  entryPath: string
  env?: Record<string, string>
  logger?: Logger
  maxRestartsPerMinute?: number
  /** The clock for the restart budget (tests pass their own). */
  now?: () => number
}

interface Pending {
  resolve(value: unknown): void
  reject(error: Error): void
}

interface Running {
  channel: WorkerChannel
  ready: boolean
  /** Calls sent (or waiting for `ready`), by id. */
  pending: Map<number, Pending & { message: CallMessage }>
}

const MINUTE_MS = 60_000

export const workerCrashed = (): AppError =>
  new AppError('worker_crashed', 'The media worker stopped; the job will be retried.', { retryable: true })

export class MediaWorkerClient {
  readonly ops: MediaOps
  private running: Running | null = null
  private starts: number[] = []
  private nextId = 1
  private disposed = false
  private lastBuild: SharpBuild | null = null
  private lastPid: number | undefined

  constructor(private readonly options: MediaWorkerOptions) {
    const ops: Record<string, (...args: unknown[]) => Promise<unknown>> = {}
    for (const op of MEDIA_OP_NAMES) ops[op] = (...args) => this.call(op, args)
    this.ops = ops as unknown as MediaOps
  }

  /** The running worker's pid and sharp build, once it said it is ready. */
  get worker(): { pid: number | undefined; sharpBuild: SharpBuild | null } {
    return { pid: this.lastPid, sharpBuild: this.lastBuild }
  }

  call(op: OpName, args: unknown[]): Promise<unknown> {
    if (this.disposed) return Promise.reject(new AppError('cancelled', 'The media worker was shut down.'))
    const running = this.running ?? this.start()
    if (!running) {
      return Promise.reject(new AppError('worker_crashed', 'The media worker keeps stopping; try again in a minute.', { retryable: true }))
    }
    return new Promise((resolve, reject) => {
      const message: CallMessage = { type: 'call', id: this.nextId++, op, args }
      running.pending.set(message.id, { resolve, reject, message })
      if (running.ready) running.channel.postMessage(message)
    })
  }

  /** Kills the worker; calls in flight reject, later calls refuse. */
  dispose(): void {
    this.disposed = true
    this.running?.channel.kill()
  }

  private start(): Running | null {
    const now = (this.options.now ?? Date.now)()
    this.starts = this.starts.filter((t) => now - t < MINUTE_MS)
    const logger = this.options.logger ?? silentLogger
    if (this.starts.length >= (this.options.maxRestartsPerMinute ?? 5)) {
      logger.error('media worker: restart budget spent, not restarting for now', { starts: this.starts.length })
      return null
    }
    if (this.starts.length > 0) logger.warn('media worker: restarting', { startsThisMinute: this.starts.length + 1 })
    this.starts.push(now)
    const channel = this.options.spawn(this.options.entryPath, this.options.env)
    const running: Running = { channel, ready: false, pending: new Map() }
    this.running = running
    channel.onMessage((message) => this.receive(running, message))
    channel.onExit((info) => {
      if (this.running === running) this.running = null
      if (running.pending.size > 0 || !this.disposed) logger.warn('media worker: exited', { ...info, inFlight: running.pending.size })
      const error = this.disposed ? new AppError('cancelled', 'The media worker was shut down.') : workerCrashed()
      for (const call of running.pending.values()) call.reject(error)
      running.pending.clear()
    })
    return running
  }

  private receive(running: Running, message: unknown): void {
    if (!isWorkerMessage(message)) return
    if (message.type === 'ready') {
      running.ready = true
      this.lastPid = message.pid
      this.lastBuild = message.sharpBuild
      for (const call of running.pending.values()) running.channel.postMessage(call.message)
      return
    }
    const call = running.pending.get(message.id)
    if (!call) return
    running.pending.delete(message.id)
    if (message.ok) call.resolve(message.value)
    else call.reject(fromWire(message.error))
  }
}
