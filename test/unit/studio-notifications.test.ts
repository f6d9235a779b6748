import { describe, expect, it } from 'vitest'
import type { Job } from '../../src-preload/contract'
import { EventBus } from '../../src-main/ipc/event-bus'
import { notifyJobOutcomes } from '../../src-main/studio/job-notifications'

const job = (over: Partial<Job>): Job => ({
  id: 'job-1',
  kind: 'image',
  status: 'processing',
  progress: 50,
  title: 'Leather wallet on marble',
  request: { kind: 'image', params: { prompt: 'Leather wallet on marble', aspectRatio: '1:1', hd: false, imageCount: 2 } },
  generationId: 'g1',
  creditsEstimate: 80,
  creditsUsed: 80,
  assetIds: [],
  error: null,
  resumesAt: null,
  attempts: 1,
  createdAt: '2026-11-26T10:00:00.000Z',
  updatedAt: '2026-11-26T10:00:00.000Z',
  ...over
})

describe('job notifications', () => {
  it('tells once per outcome, only when enabled', () => {
    const bus = new EventBus()
    const told: string[] = []
    let enabled = true
    notifyJobOutcomes(bus, { enabled: () => enabled, notify: (title, body) => told.push(`${title}: ${body}`) })
    bus.emit('queue.job', job({}))
    bus.emit('queue.job', job({ status: 'succeeded', progress: 100, assetIds: ['a', 'b'] }))
    bus.emit('queue.job', job({ status: 'succeeded', progress: 100, assetIds: ['a', 'b'] }))
    enabled = false
    bus.emit('queue.job', job({ id: 'job-2', kind: 'video', status: 'failed', error: { code: 'server_error', message: 'Krev couldn’t make this', retryable: true } }))
    enabled = true
    bus.emit('queue.job', job({ id: 'job-3', kind: 'ad', status: 'failed', error: { code: 'server_error', message: 'Krev couldn’t make this', retryable: true } }))
    expect(told).toEqual(['Your images are ready: Leather wallet on marble', 'Your ad could not be made: Krev couldn’t make this'])
  })
})
