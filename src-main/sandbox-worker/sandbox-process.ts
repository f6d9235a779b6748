import { AppError } from '../core/app-error'
import type { Logger } from '../core/logger'
import type { SpawnWorker, WorkerChannel } from '../media-worker/channel'
import type { SharpBuild } from '../media-worker/load-sharp'
import type { FaultRule } from '../sandbox/faults'
import { isFromSandbox, type ToSandbox } from './protocol'

/**
 * Main's handle on the sandbox worker: starts it on first use and, when it dies, starts it
 * again by itself on the same port with the same key (the key is kept in its data folder),
 * so the clients main already holds keep working: a poll that lands while it is down fails
 * as a network error and is retried, and the jobs it was rendering resume from its state
 * file. At most `maxRestartsPerMinute` starts a minute, so a worker that crashes on start
 * cannot spin the CPU; past that it waits for the minute to pass.
 */

export interface SandboxEndpoint {
  baseUrl: string
  key: string
}

export interface SandboxProcessOptions {
  spawn: SpawnWorker
  /** out/main/sandbox-worker.js in the app; the .ts entry under tsx in the headless studio and tests. */
  entryPath: string
  env?: Record<string, string>
  dataDir: string
  speed: number
  /** Applied on the first start only: a rule that counts its hits must not fire anew after a restart. */
  faults: FaultRule[]
  /** Tests only (never in a packaged app): the worker writes its admin endpoint there. */
  adminFile?: string
  logger: Logger
  maxRestartsPerMinute?: number
}

export interface SandboxProcess {
  ensure(): Promise<SandboxEndpoint>
  close(): Promise<void>
  /** The running worker's pid (tests kill it). */
  readonly pid: number | undefined
  /** The sharp build the last worker rendered with, once it said it is ready. */
  readonly sharpBuild: SharpBuild | null
}

const MINUTE_MS = 60_000
const RETRY_MS = 500
const CLOSE_TIMEOUT_MS = 5_000

const shutDown = (): AppError => new AppError('cancelled', 'The built-in sandbox was shut down.')
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

export function sandboxProcess(options: SandboxProcessOptions): SandboxProcess {
  const { logger } = options
  let endpoint: Promise<SandboxEndpoint> | null = null
  let pinned: { port: number; key: string } | null = null
  let current: { channel: WorkerChannel; pid: number | undefined } | null = null
  let closed = false
  let starts: number[] = []
  let sharpBuild: SharpBuild | null = null

  /** ms until another start fits the budget. */
  function budgetWait(): number {
    const now = Date.now()
    starts = starts.filter((t) => now - t < MINUTE_MS)
    const max = options.maxRestartsPerMinute ?? 5
    return starts.length < max ? 0 : MINUTE_MS - (now - starts[0]!)
  }

  /** One worker, resolved once it listens; rejected if it fails or dies first. */
  function launch(): Promise<SandboxEndpoint> {
    starts.push(Date.now())
    const channel = options.spawn(options.entryPath, options.env)
    const running = { channel, pid: channel.pid }
    current = running
    const send = (message: ToSandbox) => channel.postMessage(message)
    return new Promise((resolve, reject) => {
      let listening = false
      channel.onMessage((message) => {
        if (!isFromSandbox(message)) return
        if (message.type === 'log') logger.info(`sandbox: ${message.line}`)
        else if (message.type === 'ready') {
          running.pid = message.pid
          sharpBuild = message.sharpBuild
          // close() came first: the close it sent may have arrived before the worker listened.
          if (closed) return send({ type: 'close' })
          const faults = pinned ? [] : options.faults
          const adminFile = options.adminFile ? { adminFile: options.adminFile } : {}
          send({ type: 'start', options: { port: pinned?.port ?? 0, dataDir: options.dataDir, speed: options.speed, faults, ...adminFile } })
        } else if (message.type === 'failed') {
          reject(new Error(`sandbox worker: ${message.message}`))
          channel.kill()
        } else {
          listening = true
          if (pinned && pinned.key !== message.key) logger.error('sandbox worker: came back with another key', { port: message.port })
          pinned = { port: message.port, key: message.key }
          resolve({ baseUrl: message.baseUrl, key: message.key })
        }
      })
      channel.onExit((info) => {
        if (current === running) current = null
        if (!listening) reject(new Error(`sandbox worker: exited before listening (code ${info.code}, signal ${info.signal})`))
        else if (!closed) {
          logger.warn('sandbox worker: exited; restarting on the same port', { ...info, port: pinned?.port })
          endpoint = relaunch()
          endpoint.catch(() => undefined)
        }
      })
    })
  }

  /** After a crash: keeps trying (within the budget) until a worker listens again or close(). */
  async function relaunch(): Promise<SandboxEndpoint> {
    for (;;) {
      const wait = budgetWait()
      if (wait > 0) logger.error('sandbox worker: restart budget spent, waiting', { waitMs: wait })
      if (wait > 0) await pause(wait)
      if (closed) throw shutDown()
      try {
        return await launch()
      } catch (error) {
        if (closed) throw shutDown()
        logger.warn('sandbox worker: restart failed, trying again', { error })
        await pause(RETRY_MS)
      }
    }
  }

  return {
    ensure() {
      if (closed) return Promise.reject(shutDown())
      if (!endpoint) {
        const wait = budgetWait()
        const first = wait > 0 ? Promise.reject(new Error('sandbox worker: keeps stopping')) : launch()
        endpoint = first.catch((error: unknown) => {
          endpoint = null
          throw error
        })
      }
      return endpoint
    },
    async close() {
      closed = true
      const running = current
      if (!running) return
      const exited = new Promise<void>((resolve) => running.channel.onExit(() => resolve()))
      running.channel.postMessage({ type: 'close' } satisfies ToSandbox)
      const timer = setTimeout(() => running.channel.kill(), CLOSE_TIMEOUT_MS)
      await exited
      clearTimeout(timer)
    },
    get pid() {
      return current?.pid
    },
    get sharpBuild() {
      return sharpBuild
    }
  }
}
