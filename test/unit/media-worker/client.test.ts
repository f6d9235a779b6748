import { describe, expect, it } from 'vitest'
import type { WorkerChannel } from '../../../src-main/media-worker/channel'
import { MediaWorkerClient } from '../../../src-main/media-worker/client'
import type { CallMessage, WorkerMessage } from '../../../src-main/media-worker/protocol'

/** A worker double: records what the client sends; the test decides when it is ready, answers or dies. */
class FakeWorker implements WorkerChannel {
  readonly sent: CallMessage[] = []
  private messageListeners: ((m: unknown) => void)[] = []
  private exitListeners: ((info: { code: number | null; signal: string | null }) => void)[] = []
  killed = false
  constructor(readonly pid: number) {}
  postMessage(message: unknown): void {
    this.sent.push(message as CallMessage)
  }
  onMessage(listener: (m: unknown) => void): void {
    this.messageListeners.push(listener)
  }
  onExit(listener: (info: { code: number | null; signal: string | null }) => void): void {
    this.exitListeners.push(listener)
  }
  kill(): void {
    this.killed = true
    this.die('SIGKILL')
  }
  say(message: WorkerMessage): void {
    for (const l of this.messageListeners) l(message)
  }
  ready(): void {
    this.say({ type: 'ready', pid: this.pid, sharpBuild: 'native' })
  }
  die(signal: string | null = 'SIGSEGV'): void {
    for (const l of this.exitListeners.splice(0)) l({ code: null, signal })
  }
}

function setup(maxRestartsPerMinute = 5) {
  const workers: FakeWorker[] = []
  let clock = 0
  const client = new MediaWorkerClient({
    entryPath: '/x/media-worker.js',
    spawn: () => {
      const w = new FakeWorker(100 + workers.length)
      workers.push(w)
      return w
    },
    maxRestartsPerMinute,
    now: () => clock
  })
  return { client, workers, advance: (ms: number) => (clock += ms) }
}

const LIMITS = { maxPixels: 1 }
const codeOf = (e: unknown) => (e as { code?: string; retryable?: boolean })

describe('MediaWorkerClient', () => {
  it('starts the worker on first call, holds calls until it is ready, and matches answers by id', async () => {
    const { client, workers } = setup()
    const a = client.ops.imageInfo('/a.jpg', LIMITS)
    const b = client.ops.imageInfo('/b.jpg', LIMITS)
    const w = workers[0]!
    expect(w.sent).toEqual([])
    w.ready()
    expect(w.sent.map((m) => m.args[0])).toEqual(['/a.jpg', '/b.jpg'])
    const [first, second] = w.sent
    w.say({ type: 'result', id: second!.id, ok: true, value: { format: 'png', width: 2, height: 2 } })
    w.say({ type: 'result', id: first!.id, ok: false, error: { name: 'Error', message: 'Input file is missing', code: 'ENOENT' } })
    await expect(b).resolves.toEqual({ format: 'png', width: 2, height: 2 })
    await expect(a).rejects.toMatchObject({ message: 'Input file is missing', code: 'ENOENT' })
    expect(workers).toHaveLength(1)
  })

  it('rejects calls in flight with a retryable worker_crashed when the worker dies, and restarts on the next call', async () => {
    const { client, workers } = setup()
    const inFlight = client.ops.thumbnail('/a.jpg', 512, LIMITS)
    workers[0]!.ready()
    workers[0]!.die()
    const error = await inFlight.catch((e: unknown) => e)
    expect(codeOf(error)).toMatchObject({ code: 'worker_crashed', retryable: true })
    const next = client.ops.imageInfo('/a.jpg', LIMITS)
    expect(workers).toHaveLength(2)
    workers[1]!.ready()
    workers[1]!.say({ type: 'result', id: workers[1]!.sent[0]!.id, ok: true, value: 'ok' })
    await expect(next).resolves.toBe('ok')
  })

  it('stops a crash loop: past the budget calls fail fast without spawning, until the minute is up', async () => {
    const { client, workers, advance } = setup(3)
    for (let i = 0; i < 3; i++) {
      const call = client.ops.imageInfo('/a.jpg', LIMITS)
      workers[i]!.die()
      await expect(call).rejects.toMatchObject({ code: 'worker_crashed' })
      advance(1000)
    }
    await expect(client.ops.imageInfo('/a.jpg', LIMITS)).rejects.toMatchObject({ code: 'worker_crashed', retryable: true })
    expect(workers).toHaveLength(3)
    advance(60_000)
    void client.ops.imageInfo('/a.jpg', LIMITS).catch(() => undefined)
    expect(workers).toHaveLength(4)
    client.dispose()
  })

  it('dispose kills the worker, rejects what was in flight as cancelled and refuses later calls', async () => {
    const { client, workers } = setup()
    const call = client.ops.imageInfo('/a.jpg', LIMITS)
    workers[0]!.ready()
    client.dispose()
    expect(workers[0]!.killed).toBe(true)
    await expect(call).rejects.toMatchObject({ code: 'cancelled' })
    await expect(client.ops.imageInfo('/a.jpg', LIMITS)).rejects.toMatchObject({ code: 'cancelled' })
    expect(workers).toHaveLength(1)
  })
})
