import { describe, expect, it } from 'vitest'
import type { Job } from '../../src-preload/contract'
import { EventBus } from '../../src-main/ipc/event-bus'
import { notifyBatchOutcomes, type BatchView } from '../../src-main/studio/batch-notifications'
import { notifyJobOutcomes } from '../../src-main/studio/job-notifications'
import { waitFor } from '../support/wait-for'
import { job as fixture } from './renderer/fixtures'

const job = (id: string, status: Job['status'], batchId: string | null = 'b1'): Job =>
  fixture({ id, status, batchId, title: 'Wallet on marble', progress: status === 'succeeded' ? 100 : 0 })

describe('batch notifications', () => {
  it('one notification when the last job of a batch finishes; its jobs never notify on their own', async () => {
    const bus = new EventBus()
    const told: string[] = []
    const notify = (title: string, body: string) => told.push(`${title}: ${body}`)
    const state = new Map<string, Job>()
    const describe = async (batchId: string): Promise<BatchView> => ({ name: 'Spring', jobCount: 3, jobs: [...state.values()].filter((j) => j.batchId === batchId) })
    notifyJobOutcomes(bus, { enabled: () => true, notify })
    notifyBatchOutcomes(bus, { enabled: () => true, notify, describe })
    const emit = (j: Job) => {
      state.set(j.id, j)
      bus.emit('queue.job', j)
    }
    emit(job('a', 'pending'))
    emit(job('b', 'pending'))
    emit(job('c', 'paused'))
    emit(job('a', 'succeeded'))
    emit(job('b', 'failed'))
    // c still waits (the spending cap): the batch is not over.
    await new Promise((r) => setImmediate(r))
    expect(told).toEqual([])
    emit(job('c', 'succeeded'))
    await waitFor(() => told.length > 0)
    emit(job('c', 'succeeded'))
    emit(job('solo', 'succeeded', null))
    await new Promise((r) => setImmediate(r))
    expect(told).toEqual(['Batch “Spring” is done: 2 of 3 ready, 1 failed', 'Your image is ready: Wallet on marble'])
  })

  it('a batch with nothing made says so', async () => {
    const bus = new EventBus()
    const told: string[] = []
    notifyBatchOutcomes(bus, {
      enabled: () => true,
      notify: (title, body) => told.push(`${title}: ${body}`),
      describe: async () => ({ name: 'Autumn', jobCount: 2, jobs: [{ status: 'failed' }, { status: 'cancelled' }] })
    })
    bus.emit('queue.job', job('a', 'failed'))
    await waitFor(() => told.length > 0)
    expect(told).toEqual(['Batch “Autumn” could not be made: 0 of 2 ready, 1 failed, 1 cancelled'])
  })
})
