// How much a 4K sandbox render stalls the process that holds main's IPC: the worst
// event-loop delay main sees while the built-in sandbox renders HD (3840 px) images, with
// the sandbox in main's own process (before) and in its own worker process (after).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { silentLogger } from '../src-main/core/logger'
import { createKrevClient } from '../src-main/krev'
import { spawnNodeWorker } from '../src-main/media-worker/node-spawner'
import { startSandbox } from '../src-main/sandbox'
import { sandboxProcess } from '../src-main/sandbox-worker/sandbox-process'
import { summarize, type Stats } from './lib'

const ENTRY = resolve(dirname(fileURLToPath(import.meta.url)), '../src-main/sandbox-worker/entry.ts')
const RENDERS = 3
// Fast timings: the render itself (sharp) is what is measured, not the simulated wait.
const SPEED = 1_000_000

interface Endpoint {
  baseUrl: string
  key: string
}

/** Max event-loop delay (ms) in this process while each of `RENDERS` HD images renders. */
async function stallsDuring(endpoint: Endpoint): Promise<Stats> {
  const client = createKrevClient({ baseUrl: endpoint.baseUrl, getKey: () => endpoint.key, trustedMediaOrigins: [endpoint.baseUrl] })
  const worst: number[] = []
  for (let i = 0; i < RENDERS + 1; i++) {
    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    const started = await client.generateImages({ prompt: `Linen shirt on a hanger, take ${i}`, aspect_ratio: '16:9', hd: true })
    const done = await client.waitForGeneration(started.generation_id)
    delay.disable()
    if (done.status !== 'succeeded') throw new Error(`render ${i} ${done.status}: ${done.error}`)
    // The first render warms sharp and the fonts up; it is not counted.
    if (i > 0) worst.push(delay.max / 1e6)
  }
  return summarize(worst)
}

export async function sandboxRenderStalls(progress: (line: string) => void): Promise<{ inMain: Stats; inWorker: Stats }> {
  const dir = await mkdtemp(join(tmpdir(), 'krev-bench-sbw-'))
  try {
    progress('sandbox render: in main’s process')
    const local = await startSandbox({ dataDir: join(dir, 'in-main'), speed: SPEED, ffmpegPath: null })
    const inMain = await stallsDuring(local).finally(() => local.close())
    progress('sandbox render: in its worker')
    const worker = sandboxProcess({ spawn: spawnNodeWorker, entryPath: ENTRY, env: { KREV_SHARP_BUILD: 'native' }, dataDir: join(dir, 'worker'), speed: SPEED, faults: [], logger: silentLogger })
    const inWorker = await stallsDuring(await worker.ensure()).finally(() => worker.close())
    return { inMain, inWorker }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
