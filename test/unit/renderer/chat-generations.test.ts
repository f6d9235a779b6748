import { describe, expect, it } from 'vitest'
import type { ChatGeneration, Job } from '../../../src-preload/contract'
import { creditsOf, fromJob, upsertGeneration } from '../../../src-renderer/src/features/chat/chat-generations'

/** The thread following the generations of its runs from the queue's job events. */

const CONV = 'c0000000-0000-4000-8000-000000000001'
const MSG = 'm0000000-0000-4000-8000-000000000001'
const job = (over: Partial<Job> = {}): Job =>
  ({
    id: 'j1',
    kind: 'image',
    status: 'processing',
    progress: 40,
    generationId: 'g1',
    creditsEstimate: 80,
    creditsUsed: null,
    assetIds: [],
    error: null,
    source: { type: 'chat', conversationId: CONV, messageId: MSG },
    ...over
  }) as Job

describe('chat generations in the thread', () => {
  it('takes a job of the open conversation, and no other', () => {
    expect(fromJob(job(), CONV)).toMatchObject({ generationId: 'g1', messageId: MSG, status: 'processing', progress: 40, credits: 80 })
    expect(fromJob(job(), 'another')).toBeNull()
    expect(fromJob(job({ source: null }), CONV)).toBeNull()
  })

  it('a refunded failure cost nothing; charged credits beat the estimate', () => {
    expect(fromJob(job({ status: 'failed', error: { code: 'generation_failed', message: 'x', retryable: true, refunded: true } }), CONV)?.credits).toBe(0)
    expect(fromJob(job({ creditsUsed: 40 }), CONV)?.credits).toBe(40)
  })

  it('keeps assets once known and sums what a message cost', () => {
    const done = fromJob(job({ status: 'succeeded', assetIds: ['j1-0', 'j1-1'] }), CONV) as ChatGeneration
    const list = upsertGeneration([], done)
    const cleared = upsertGeneration(list, { ...done, assetIds: [] })
    expect(cleared).toHaveLength(1)
    expect(cleared[0]!.assetIds).toEqual(['j1-0', 'j1-1'])
    expect(creditsOf([...cleared, { ...done, generationId: 'g2', credits: 40 }])).toBe(120)
    expect(creditsOf([{ ...done, credits: null }])).toBeNull()
  })
})
