import { afterEach, describe, expect, it, vi } from 'vitest'
import { defaultSleep } from '../../../src-main/krev/retry'
import type { KrevGeneration } from '../../../src-main/krev/types'
import { waitForGeneration } from '../../../src-main/krev/wait-for-generation'
import { caught, generationData, ok, scriptServer, testClient, UUID } from './helpers'

const gen = (status: KrevGeneration['status'], progress: number, over: Partial<KrevGeneration> = {}): KrevGeneration =>
  ({ ...generationData({ status, progress }), ...over }) as KrevGeneration

function scripted(states: KrevGeneration[]) {
  let i = 0
  const sleeps: number[] = []
  return {
    sleeps,
    calls: () => i,
    deps: {
      getGeneration: async () => states[Math.min(i++, states.length - 1)],
      sleep: async (ms: number) => {
        sleeps.push(ms)
      }
    }
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('waitForGeneration', () => {
  it('grows the interval ×1.5 up to the cap while nothing changes, and resets when progress moves', async () => {
    const s = scripted([
      gen('queued', 0),
      gen('queued', 0),
      gen('queued', 0),
      gen('processing', 10), // status + progress change → reset
      ...Array.from({ length: 7 }, () => gen('processing', 10)),
      gen('processing', 55), // progress change → reset
      gen('succeeded', 100)
    ])
    const seen: number[] = []
    const done = await waitForGeneration(UUID, { onProgress: (g) => seen.push(g.progress) }, s.deps)
    expect(done.status).toBe('succeeded')
    expect(s.sleeps).toEqual([1000, 1500, 2250, 1000, 1500, 2250, 3375, 5063, 7595, 8000, 8000, 1000])
    expect(seen.at(-1)).toBe(100)
    expect(s.calls()).toBe(13)
  })

  it('respects custom initial and max intervals', async () => {
    const s = scripted([gen('processing', 1), gen('processing', 1), gen('processing', 1), gen('succeeded', 100)])
    await waitForGeneration(UUID, { initialIntervalMs: 200, maxIntervalMs: 300 }, s.deps)
    expect(s.sleeps).toEqual([200, 300, 300])
  })

  it('throws server_error (not retryable) with the server text on failed', async () => {
    const s = scripted([gen('processing', 40), gen('failed', 40, { error: 'Content policy violation', output: null })])
    const err = await caught(waitForGeneration(UUID, {}, s.deps))
    expect(err.code).toBe('server_error')
    expect(err.retryable).toBe(false)
    expect(err.serverMessage).toBe('Content policy violation')
    expect(err.message).toContain('Content policy violation')
  })

  it('a throwing onProgress listener does not end the wait', async () => {
    const s = scripted([gen('processing', 1), gen('succeeded', 100)])
    const g = await waitForGeneration(
      UUID,
      {
        onProgress: () => {
          throw new Error('listener bug')
        }
      },
      s.deps
    )
    expect(g.status).toBe('succeeded')
  })

  it('honours an AbortSignal while sleeping (fake timers)', async () => {
    vi.useFakeTimers()
    const ac = new AbortController()
    let calls = 0
    const p = waitForGeneration(
      UUID,
      { signal: ac.signal },
      {
        getGeneration: async () => {
          calls++
          return gen('processing', 5)
        },
        sleep: defaultSleep
      }
    )
    const settled = caught(p)
    await vi.advanceTimersByTimeAsync(1000 + 1500 + 10)
    expect(calls).toBe(3)
    ac.abort()
    const err = await settled
    expect(err.code).toBe('cancelled')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toBe(3)
  })

  it('works end to end through the client, polling /generations/{id}', async () => {
    const server = await scriptServer([
      ok(generationData({ status: 'queued', progress: 0, output: null, completed_at: null })),
      ok(generationData({ status: 'processing', progress: 150, output: null, completed_at: null })),
      ok(generationData())
    ])
    try {
      const { client, sleeps } = testClient(server.baseUrl)
      const progress: number[] = []
      const g = await client.waitForGeneration(UUID, { onProgress: (x) => progress.push(x.progress) })
      expect(g.output?.urls).toHaveLength(1)
      expect(progress).toEqual([0, 100, 100])
      expect(sleeps).toEqual([1000, 1000])
      expect(server.requests.map((r) => r.url)).toEqual(Array(3).fill(`/api/v1/generations/${UUID}`))
    } finally {
      await server.close()
    }
  })

  it('an already-aborted signal sends nothing', async () => {
    const server = await scriptServer(ok(generationData()))
    try {
      const ac = new AbortController()
      ac.abort()
      const err = await caught(testClient(server.baseUrl).client.waitForGeneration(UUID, { signal: ac.signal }))
      expect(err.code).toBe('cancelled')
      expect(server.requests).toHaveLength(0)
    } finally {
      await server.close()
    }
  })
})
