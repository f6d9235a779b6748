import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Asset } from '../../../src-preload/contract'
import { eventHandlers } from '../../../src-renderer/src/app/wire-events'
import { initialLibraryState, MAX_JOB_THUMBS, useLibraryStore } from '../../../src-renderer/src/stores/library'
import { frameBatch } from '../../../src-renderer/src/stores/frame-batch'
import { initialQueueState, jobById, useQueueStore } from '../../../src-renderer/src/stores/queue'
import { installFakeBridge, ok, removeBridge } from './fake-bridge'
import { job } from './fixtures'

/** A requestAnimationFrame the test advances by hand. */
function fakeFrames() {
  let callbacks: FrameRequestCallback[] = []
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => callbacks.push(cb))
  vi.stubGlobal('cancelAnimationFrame', () => undefined)
  return {
    get waiting() {
      return callbacks.length
    },
    next() {
      const due = callbacks
      callbacks = []
      for (const cb of due) cb(0)
    }
  }
}

beforeEach(() => {
  useQueueStore.setState(initialQueueState)
  useLibraryStore.setState(initialLibraryState)
})
afterEach(() => {
  vi.unstubAllGlobals()
  removeBridge()
})

describe('queue events per frame', () => {
  it('applies a burst of progress and job events in one store update on the next frame', () => {
    const frames = fakeFrames()
    useQueueStore.getState().setJobs([job({ id: 'a', status: 'processing' }), job({ id: 'b', status: 'processing' })], initialQueueState.state)
    const updates = vi.fn()
    const off = useQueueStore.subscribe(updates)
    for (let p = 1; p <= 50; p++) {
      eventHandlers['generation.progress']({ jobId: 'a', status: 'processing', progress: p })
      eventHandlers['generation.progress']({ jobId: 'b', status: 'processing', progress: p / 2 })
    }
    eventHandlers['queue.job'](job({ id: 'c', progress: 0, createdAt: '2030-01-01T00:00:00Z' }))
    expect(updates).not.toHaveBeenCalled()
    expect(frames.waiting).toBe(1)
    frames.next()
    off()
    expect(updates).toHaveBeenCalledTimes(1)
    const { jobs } = useQueueStore.getState()
    // Jobs at Krev in the order they were sent (queueOrder), the newest last.
    expect(jobs.map((j) => [j.id, j.progress])).toEqual([['a', 50], ['b', 25], ['c', 0]])
  })

  it('keeps the order events arrived in for one job', () => {
    const frames = fakeFrames()
    useQueueStore.getState().setJobs([job({ id: 'a', status: 'processing', progress: 10 })], initialQueueState.state)
    // Progress, then the job finishing: the job wins.
    eventHandlers['generation.progress']({ jobId: 'a', status: 'processing', progress: 90 })
    eventHandlers['queue.job'](job({ id: 'a', status: 'succeeded', progress: 100 }))
    frames.next()
    expect(jobById(useQueueStore.getState().jobs, 'a')).toMatchObject({ status: 'succeeded', progress: 100 })
    // The job, then progress on top of it.
    eventHandlers['queue.job'](job({ id: 'a', status: 'downloading', progress: 95 }))
    eventHandlers['generation.progress']({ jobId: 'a', status: 'downloading', progress: 98 })
    frames.next()
    expect(jobById(useQueueStore.getState().jobs, 'a')).toMatchObject({ status: 'downloading', progress: 98 })
  })

  it('does not bring back a job removed before the frame', () => {
    const frames = fakeFrames()
    useQueueStore.getState().setJobs([job({ id: 'a', status: 'processing' })], initialQueueState.state)
    eventHandlers['generation.progress']({ jobId: 'a', status: 'processing', progress: 40 })
    eventHandlers['queue.job'](job({ id: 'a', status: 'cancelled' }))
    eventHandlers['queue.removed']({ jobId: 'a' })
    frames.next()
    expect(useQueueStore.getState().jobs).toEqual([])
  })

  it('leaves other jobs the same objects, so their rows do not re-render', () => {
    const frames = fakeFrames()
    useQueueStore.getState().setJobs([job({ id: 'a', status: 'processing' }), job({ id: 'b', status: 'succeeded' })], initialQueueState.state)
    const before = jobById(useQueueStore.getState().jobs, 'b')
    eventHandlers['generation.progress']({ jobId: 'a', status: 'processing', progress: 60 })
    frames.next()
    expect(jobById(useQueueStore.getState().jobs, 'b')).toBe(before)
  })
})

describe('queue thumbnails', () => {
  const asset = (id: string): Asset => ({
    id, kind: 'image', jobId: null, generationId: null, prompt: id, productIds: [], aspectRatio: '1:1', width: 1, height: 1,
    durationSec: null, bytes: 1, mimeType: 'image/webp', mediaUrl: `m://${id}`, thumbUrl: `m://${id}/t`, favorite: false,
    rating: 0, tags: [], approval: null, adCopy: null, createdAt: '2026-02-14T12:00:00Z'
  })

  it('looks up a whole window of rows with one library.getMany, and nothing per row', async () => {
    const bridge = installFakeBridge({
      'library.getMany': (input: unknown) => ok({ items: (input as { ids: string[] }).ids.map(asset) })
    })
    // Twenty rows mount in one render, each asking for its job's first thumbnails.
    const rows = Array.from({ length: 20 }, (_, r) => Array.from({ length: MAX_JOB_THUMBS }, (_, i) => `j${r}-${i}`))
    await Promise.all(rows.map((ids) => useLibraryStore.getState().lookup(ids)))
    expect(bridge.calls.map((c) => c.name)).toEqual(['library.getMany'])
    expect((bridge.calls[0].input as { ids: string[] }).ids).toHaveLength(80)
    // Scrolling back: everything is cached, no call at all.
    await Promise.all(rows.map((ids) => useLibraryStore.getState().lookup(ids)))
    expect(bridge.calls).toHaveLength(1)
    expect(Object.keys(useLibraryStore.getState().cache)).toHaveLength(80)
  })

  it('splits a window larger than the contract allows into calls of 500 ids', async () => {
    const bridge = installFakeBridge({ 'library.getMany': (input: unknown) => ok({ items: (input as { ids: string[] }).ids.map(asset) }) })
    await useLibraryStore.getState().lookup(Array.from({ length: 1200 }, (_, i) => `x${i}`))
    expect(bridge.calls.map((c) => (c.input as { ids: string[] }).ids.length)).toEqual([500, 500, 200])
  })
})

describe('frame batch', () => {
  it('still flushes when no frame comes (a hidden window)', () => {
    vi.useFakeTimers()
    try {
      vi.stubGlobal('requestAnimationFrame', () => 1)
      vi.stubGlobal('cancelAnimationFrame', () => undefined)
      const flush = vi.fn()
      const batch = frameBatch(flush, 250)
      batch.schedule()
      batch.schedule()
      vi.advanceTimersByTime(249)
      expect(flush).not.toHaveBeenCalled()
      vi.advanceTimersByTime(1)
      expect(flush).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
