import { afterEach, describe, expect, it, vi } from 'vitest'
import { createProgressThrottle, type ProgressEvent } from '../../../src-main/queue/progress-throttle'

afterEach(() => {
  vi.useRealTimers()
})

function setup() {
  vi.useFakeTimers({ now: 0 })
  const out: (ProgressEvent & { at: number })[] = []
  const throttle = createProgressThrottle<ProgressEvent>((p) => out.push({ ...p, at: Date.now() }), { now: () => Date.now() })
  return { out, throttle }
}

describe('createProgressThrottle', () => {
  it('delivers at most 4 a second per job, the last one always', async () => {
    const { out, throttle } = setup()
    for (let i = 1; i <= 100; i++) {
      throttle.push({ jobId: 'a', status: 'processing', progress: i })
      await vi.advanceTimersByTimeAsync(10) // 100 ticks a second
    }
    await vi.advanceTimersByTimeAsync(1_000)
    expect(out.length).toBeLessThanOrEqual(5)
    expect(out.at(-1)?.progress).toBe(100)
    for (let i = 1; i < out.length; i++) expect(out[i].at - out[i - 1].at).toBeGreaterThanOrEqual(250)
  })

  it('throttles each job on its own, and lets a status change through at once', async () => {
    const { out, throttle } = setup()
    throttle.push({ jobId: 'a', status: 'processing', progress: 10 })
    throttle.push({ jobId: 'b', status: 'processing', progress: 10 })
    throttle.push({ jobId: 'a', status: 'processing', progress: 20 })
    throttle.push({ jobId: 'a', status: 'downloading', progress: 100 })
    expect(out.map((p) => `${p.jobId}:${p.status}:${p.progress}`)).toEqual(['a:processing:10', 'b:processing:10', 'a:downloading:100'])
    // The 20 % tick was overtaken by the status change: it never arrives late.
    await vi.advanceTimersByTimeAsync(1_000)
    expect(out).toHaveLength(3)
  })

  it('drops a waiting tick once the job was published in full, and delivers the rest on dispose', async () => {
    const { out, throttle } = setup()
    throttle.push({ jobId: 'a', status: 'processing', progress: 10 })
    throttle.push({ jobId: 'a', status: 'processing', progress: 50 })
    throttle.supersede('a')
    throttle.push({ jobId: 'b', status: 'processing', progress: 10 })
    throttle.push({ jobId: 'b', status: 'processing', progress: 30 })
    throttle.dispose()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(out.map((p) => `${p.jobId}:${p.progress}`)).toEqual(['a:10', 'b:10', 'b:30'])
  })
})
