import { describe, expect, it } from 'vitest'
import { Faults, processesRequest, validateRule } from '../../../src-main/sandbox/faults'

const status = { type: 'status', status: 500 } as const

describe('fault rules', () => {
  it('match by method and path pattern (* one segment, ** anything below)', () => {
    const faults = new Faults()
    faults.set({ method: 'GET', path: '/api/v1/generations/*', action: status })
    faults.set({ path: '/storage/**', action: { type: 'reset-download', fraction: 0.5 } })
    expect(faults.match('GET', '/api/v1/generations/abc').rule?.action).toEqual(status)
    expect(faults.match('POST', '/api/v1/generations/abc').rule).toBeNull()
    expect(faults.match('GET', '/api/v1/generations/abc/x').rule).toBeNull()
    expect(faults.match('GET', '/storage/u/f.png').rule?.action.type).toBe('reset-download')
    expect(faults.match('GET', '/storagex/u').rule).toBeNull()
  })

  it('count deterministically: after, then times', () => {
    const faults = new Faults()
    faults.set({ path: '/x', after: 2, times: 2, action: status })
    const hits = Array.from({ length: 6 }, () => faults.match('GET', '/x').rule !== null)
    expect(hits).toEqual([false, false, true, true, false, false])
    expect(faults.list()[0]).toMatchObject({ seen: 6, hits: 2 })
  })

  it('rate draws from a seeded sequence', () => {
    const run = () => {
      const faults = new Faults()
      faults.set({ path: '/x', rate: 0.3, seed: 9, action: status })
      return Array.from({ length: 50 }, () => faults.match('GET', '/x').rule !== null)
    }
    const first = run()
    expect(run()).toEqual(first)
    const share = first.filter(Boolean).length / first.length
    expect(share).toBeGreaterThan(0.1)
    expect(share).toBeLessThan(0.6)
  })

  it('latency rules add up and combine with one other fault', () => {
    const faults = new Faults()
    faults.set({ path: '/x', action: { type: 'latency', ms: 10 } })
    faults.set({ path: '/x', action: { type: 'latency', ms: 5 } })
    faults.set({ path: '/x', action: status })
    faults.set({ path: '/x', action: { type: 'html' } })
    const match = faults.match('GET', '/x')
    expect(match.latencyMs).toBe(15)
    expect(match.rule?.action).toEqual(status)
  })

  it('set with an id replaces; clear removes one or all', () => {
    const faults = new Faults()
    faults.set({ id: 'a', path: '/x', action: status })
    faults.set({ id: 'a', path: '/y', action: status })
    faults.set({ id: 'b', path: '/z', action: status })
    expect(faults.list().map((r) => [r.id, r.path])).toEqual([['a', '/y'], ['b', '/z']])
    faults.clear('a')
    expect(faults.list().map((r) => r.id)).toEqual(['b'])
    faults.clear()
    expect(faults.list()).toEqual([])
  })

  it('validates rules and knows which ones process the request', () => {
    expect(() => validateRule({ path: 'x', action: status })).toThrow(/path/)
    expect(() => validateRule({ path: '/x', action: { type: 'boom' } })).toThrow(/action.type/)
    expect(() => validateRule({ path: '/x', times: -1, action: status })).toThrow(/times/)
    expect(processesRequest({ path: '/x', action: { type: 'reset' } })).toBe(true)
    expect(processesRequest({ path: '/x', action: status })).toBe(false)
    expect(processesRequest({ path: '/x', action: status, process: true })).toBe(true)
  })
})
