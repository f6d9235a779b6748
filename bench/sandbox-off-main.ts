// What a 4K sandbox render costs the process that holds main's IPC: the worst event-loop
// delay and the CPU time main's process spends while the built-in sandbox renders an HD
// (3840 px) image, with the sandbox in main's own process (before) and in its own worker
// process (after). sharp works on libuv's threads, so on few cores the CPU it takes from
// main's process is the clearer figure; an idle row shows the machine's own noise.
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
import { followGeneration } from './follow-generation'
import { msSince, nowNs, sleep, summarize, type Stats } from './lib'

const ENTRY = resolve(dirname(fileURLToPath(import.meta.url)), '../src-main/sandbox-worker/entry.ts')
const RENDERS = 3
// Fast timings: the render itself (sharp) is what is measured, not the simulated wait.
const SPEED = 1_000_000

interface Endpoint {
  baseUrl: string
  key: string
}

export interface RenderCost {
  /** monitorEventLoopDelay's max per render, ms. */
  delay: Stats
  /** CPU time this process spent (user + system, all its threads) per render, ms. */
  cpu: Stats
  /** Wall time per render, ms. */
  wall: Stats
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

/** What each of `RENDERS` HD images costs this process (main) while the sandbox renders it. */
async function costDuring(endpoint: Endpoint): Promise<RenderCost> {
  const client = createKrevClient({ baseUrl: endpoint.baseUrl, getKey: () => endpoint.key, trustedMediaOrigins: [endpoint.baseUrl] })
  const delays: number[] = []
  const cpus: number[] = []
  const walls: number[] = []
  for (let i = 0; i < RENDERS + 1; i++) {
    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    const cpu0 = process.cpuUsage()
    const t0 = nowNs()
    const started = await client.generateImages({ prompt: `Linen shirt on a hanger, take ${i}`, aspect_ratio: '16:9', hd: true })
    const done = await followGeneration(client, started.generation_id)
    delay.disable()
    if (done.status !== 'succeeded') throw new Error(`render ${i} ${done.status}: ${done.error}`)
    // The first render warms sharp and the fonts up; it is not counted.
    if (i === 0) continue
    walls.push(msSince(t0))
    cpus.push(cpuMs(cpu0))
    delays.push(delay.max / 1e6)
  }
  return { delay: summarize(delays), cpu: summarize(cpus), wall: summarize(walls) }
}

/** The same measure with nothing rendering, for as long as a render takes: the machine's own noise. */
async function idleFor(ms: number): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  await sleep(ms)
  delay.disable()
  return delay.max / 1e6
}

export async function sandboxRenderStalls(progress: (line: string) => void): Promise<{ inMain: RenderCost; inWorker: RenderCost; idleDelayMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'krev-bench-sbw-'))
  try {
    progress('sandbox render: in main’s process')
    const local = await startSandbox({ dataDir: join(dir, 'in-main'), speed: SPEED, ffmpegPath: null })
    const inMain = await costDuring(local).finally(() => local.close())
    progress('sandbox render: in its worker')
    const worker = sandboxProcess({ spawn: spawnNodeWorker, entryPath: ENTRY, env: { KREV_SHARP_BUILD: 'native' }, dataDir: join(dir, 'worker'), speed: SPEED, faults: [], logger: silentLogger })
    const inWorker = await costDuring(await worker.ensure()).finally(() => worker.close())
    const idleDelayMs = await idleFor(inMain.wall.median)
    return { inMain, inWorker, idleDelayMs }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
