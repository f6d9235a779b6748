import { describe, expect, it } from 'vitest'
import { RequestLog } from '../../../src-main/sandbox/request-log'

const body = (o: unknown) => Buffer.from(JSON.stringify(o))

describe('sandbox request log', () => {
  it('keeps each body as parsed JSON, in arrival order, filtered by path or sequence', () => {
    const log = new RequestLog(10, 1024, () => new Date('2026-01-01T00:00:00Z'))
    log.record('POST', '/api/v1/images', body({ prompt: 'a', image_count: 2 }))
    log.record('POST', '/api/v1/ads', body({ brief: 'b' }))
    expect(log.list().map((r) => r.seq)).toEqual([1, 2])
    expect(log.list({ path: '/api/v1/images' })).toEqual([
      { seq: 1, method: 'POST', path: '/api/v1/images', receivedAt: '2026-01-01T00:00:00.000Z', body: { prompt: 'a', image_count: 2 } }
    ])
    expect(log.list({ after: 1 }).map((r) => r.path)).toEqual(['/api/v1/ads'])
  })

  it('is bounded: the oldest entries go, and an oversized or non-JSON body is noted, not kept', () => {
    const log = new RequestLog(3, 32)
    for (let i = 0; i < 5; i++) log.record('POST', '/api/v1/images', body({ i }))
    expect(log.list().map((r) => r.seq)).toEqual([3, 4, 5])
    const big = log.record('POST', '/api/v1/images', body({ prompt: 'x'.repeat(100) }))
    expect(big.body).toBeNull()
    expect(big.note).toMatch(/not kept/)
    const bad = log.record('POST', '/api/v1/images', Buffer.from('{nope'))
    expect(bad).toMatchObject({ body: null, note: 'body is not JSON' })
    expect(log.list()).toHaveLength(3)
    log.clear()
    expect(log.list()).toEqual([])
  })
})
