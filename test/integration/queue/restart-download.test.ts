import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Credits, Job } from '../../../src-preload/contract'
import { connectBridge, must, type BridgeClient } from '../support/bridge-client'

// Issue 8, item 2: a kill -9 while a job downloads, ten times with jittered timing, on the
// built-in sandbox (a new random port after every restart, so every stored output URL is
// stale). Every output must arrive, and the sandbox ledger must show no extra charge.
const ROOT = resolve(import.meta.dirname, '../../..')
const CHILD = join(import.meta.dirname, 'fixtures/studio-child.ts')
const CYCLES = 10
const IMAGE_COST = 40
const dataDir = mkdtempSync(join(tmpdir(), 'krev-kill9-'))
const children = new Set<ChildProcess>()
afterAll(() => {
  for (const c of children) c.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

async function startChild(): Promise<{ child: ChildProcess; bridge: BridgeClient }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    cwd: ROOT,
    env: { ...process.env, KREV_KEYCHAIN: 'off', KREV_SANDBOX_SPEED: '50' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  children.add(child)
  child.once('exit', () => children.delete(child))
  const line = await new Promise<string>((ok, fail) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /KREV_CHILD (\S+) (\S+)/.exec(out)
      if (m) ok(m[0])
    })
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => fail(new Error(`studio child exited (${code}): ${out}`)))
  })
  const [, origin, token] = /origin=(\S+) token=(\S+)/.exec(line)!
  return { child, bridge: await connectBridge(origin!, token!) }
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    child.once('exit', () => ok())
    child.kill('SIGKILL')
  })
}

/** Resolves when `done(jobs)` holds, re-checking on every queue event. */
function until(bridge: BridgeClient, done: (jobs: Job[]) => boolean): Promise<Job[]> {
  return new Promise((ok, fail) => {
    let checking = false
    const check = async () => {
      if (checking) return
      checking = true
      const { jobs } = await must<{ jobs: Job[] }>(bridge.invoke, 'queue.list')
      checking = false
      const failed = jobs.find((j) => j.status === 'failed')
      if (failed) fail(new Error(`job failed: ${JSON.stringify(failed.error)}`))
      else if (done(jobs)) ok(jobs)
    }
    bridge.onEvent((name) => {
      if (name.startsWith('queue.')) void check()
    })
    void check()
  })
}

describe('kill -9 during a download, 10 times (issue 8)', () => {
  it('delivers every output after each restart and charges nothing extra', async () => {
    let { child, bridge } = await startChild()
    await must(bridge.invoke, 'account.useSandbox')
    const start = (await must<Credits>(bridge.invoke, 'account.credits', { refresh: true })).current
    const submitted: string[] = []
    let killedWhileDownloading = 0
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const downloading = new Promise<string>((ok) =>
        bridge.onEvent((name, payload) => {
          const j = payload as Job
          if (name === 'queue.job' && (j.status === 'downloading' || j.status === 'succeeded')) ok(j.status)
        })
      )
      const job = await must<Job>(bridge.invoke, 'generation.submit', {
        kind: 'image',
        params: { prompt: `Wallet on marble, take ${cycle}`, aspectRatio: '1:1', hd: false, imageCount: 2 }
      })
      submitted.push(job.id)
      const seen = await downloading
      // The jitter: 0-15 ms after the download started, a different moment every cycle.
      // sleep-ok: the random moment is the stimulus (where the kill lands), not a wait for an event.
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 16)))
      const { jobs } = await must<{ jobs: Job[] }>(bridge.invoke, 'queue.list')
      if (seen === 'downloading' && jobs.find((j) => j.id === job.id)?.status === 'downloading') killedWhileDownloading++
      bridge.close()
      await kill9(child)
      ;({ child, bridge } = await startChild())
      await until(bridge, (all) => submitted.every((id) => all.find((j) => j.id === id)?.status === 'succeeded'))
    }
    const { jobs } = await must<{ jobs: Job[] }>(bridge.invoke, 'queue.list')
    for (const id of submitted) {
      const j = jobs.find((x) => x.id === id)!
      expect(j.assetIds).toHaveLength(2)
      for (const assetId of j.assetIds) expect((await bridge.invoke('library.get', { id: assetId })).ok).toBe(true)
    }
    const end = (await must<Credits>(bridge.invoke, 'account.credits', { refresh: true })).current
    expect(start - end).toBe(CYCLES * 2 * IMAGE_COST)
    console.log(`kill -9 cycles: ${CYCLES}, killed while a download was running: ${killedWhileDownloading}`)
    expect(killedWhileDownloading).toBeGreaterThan(0)
    bridge.close()
    child.kill('SIGTERM')
  }, 90_000)
})
