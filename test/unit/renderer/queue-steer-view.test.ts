import { describe, expect, it } from 'vitest'
import { queueOrder, upsert, waitingIds } from '../../../src-renderer/src/stores/queue'
import { expectedMs, formatAbout, formatClock, timingText, typicalDurations } from '../../../src-renderer/src/features/queue/job-timing'
import { creditsAdvice } from '../../../src-renderer/src/features/queue/CreditsAdvice'
import { reorderedIds } from '../../../src-renderer/src/features/queue/reorder'
import { job } from './fixtures'

/** The Queue screen's order, per-job timing and the advice for a job waiting on credits. */

const waiting = (id: string, position: number) => job({ id, status: 'pending', generationId: null, position, createdAt: `2026-02-14T12:0${position}:00Z` })
const done = (id: string, sentAt: string, updatedAt: string, over = {}) => job({ id, status: 'succeeded', sentAt, updatedAt, createdAt: sentAt, ...over })
const video = (duration: number) => ({ kind: 'video' as const, params: { prompt: 'x', aspectRatio: '16:9' as const, duration, audioMode: 'auto' as const } })

describe('queue order', () => {
  it('running first, then waiting in the order they will be sent, then finished newest first', () => {
    const jobs = [done('old', '2026-02-14T10:00:00Z', '2026-02-14T10:01:00Z'), waiting('w2', 2), job({ id: 'run' }), waiting('w1', 1), done('new', '2026-02-14T11:00:00Z', '2026-02-14T11:01:00Z')]
    expect(jobs.sort(queueOrder).map((j) => j.id)).toEqual(['run', 'w1', 'w2', 'new', 'old'])
    expect(waitingIds(jobs)).toEqual(['w1', 'w2'])
  })

  it('a job that moves (new position) or is sent (new state) takes its new place', () => {
    let jobs = [waiting('a', 1), waiting('b', 2), waiting('c', 3)].sort(queueOrder)
    jobs = upsert(jobs, { ...jobs[2]!, position: 0 })
    expect(jobs.map((j) => j.id)).toEqual(['c', 'a', 'b'])
    jobs = upsert(jobs, { ...jobs[2]!, status: 'submitted', generationId: 'g' })
    expect(jobs.map((j) => j.id)).toEqual(['b', 'c', 'a'])
    expect(reorderedIds(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b'])
  })
})

describe('timing', () => {
  it('what a kind usually takes: the median of finished jobs, videos per second of footage', () => {
    const jobs = [
      done('i1', '2026-02-14T10:00:00Z', '2026-02-14T10:00:20Z'),
      done('i2', '2026-02-14T10:01:00Z', '2026-02-14T10:01:40Z'),
      done('i3', '2026-02-14T10:02:00Z', '2026-02-14T10:02:30Z'),
      done('v1', '2026-02-14T10:00:00Z', '2026-02-14T10:01:00Z', { kind: 'video', request: video(5) })
    ]
    const typical = typicalDurations(jobs)
    expect(typical).toEqual({ image: 30_000, ad: null, videoPerSecond: 12_000 })
    expect(expectedMs(job({ kind: 'video', request: video(15) }), typical)).toBe(180_000)
    expect(expectedMs(job({ kind: 'ad', request: { kind: 'ad', params: { brief: 'x', productIds: ['p'], aspectRatio: '4:5', imageCount: 1 } } }), typical)).toBeNull()
  })

  it('jobs cleared from the Queue still count (main keeps them); a listed job is counted once', () => {
    const cleared = [
      { id: 'c1', kind: 'image' as const, sentAt: '2026-02-14T09:00:00Z', finishedAt: '2026-02-14T09:00:10Z', videoSeconds: null },
      { id: 'c2', kind: 'video' as const, sentAt: '2026-02-14T09:00:00Z', finishedAt: '2026-02-14T09:01:40Z', videoSeconds: 10 },
      // Also listed: the list's copy is the one that counts, not twice.
      { id: 'i1', kind: 'image' as const, sentAt: '2026-02-14T10:00:00Z', finishedAt: '2026-02-14T10:00:20Z', videoSeconds: null }
    ]
    expect(typicalDurations([], cleared)).toEqual({ image: 15_000, ad: null, videoPerSecond: 10_000 })
    const listed = [done('i1', '2026-02-14T10:00:00Z', '2026-02-14T10:00:20Z'), done('i2', '2026-02-14T10:01:00Z', '2026-02-14T10:01:50Z')]
    expect(typicalDurations(listed, cleared)).toEqual({ image: 20_000, ad: null, videoPerSecond: 10_000 })
    expect(typicalDurations([], [])).toEqual({ image: null, ad: null, videoPerSecond: null })
  })

  it('a running job: elapsed since sent and about how long is left; a waiting one: what it usually takes', () => {
    const typical = { image: 60_000, ad: null, videoPerSecond: null }
    const sent = Date.parse('2026-02-14T12:00:00Z')
    const running = job({ status: 'processing', sentAt: '2026-02-14T12:00:00Z' })
    expect(timingText(running, sent + 20_000, typical, false)).toBe('0:20 elapsed · about 40 s left')
    expect(timingText(running, sent + 55_000, typical, false)).toBe('0:55 elapsed · almost done')
    expect(timingText(running, sent + 75_000, typical, false)).toBe('1:15 elapsed · longer than usual')
    expect(timingText(running, sent + 5_000, { image: null, ad: null, videoPerSecond: null }, false)).toBe('0:05 elapsed')
    expect(timingText(waiting('w', 1), sent, typical, true)).toBe('Usually takes about 1 min')
    expect(timingText(waiting('w', 1), sent, { ...typical, image: 4_000 }, true)).toBe('Usually takes under 10 s')
    expect(timingText(waiting('w', 1), sent, { image: null, ad: null, videoPerSecond: null }, true)).toBeNull()
    expect(formatClock(3_723_000)).toBe('1:02:03')
    expect(formatAbout(4_000)).toBe('under 10 s')
    expect(formatAbout(3_900_000)).toBe('1 h 5 min')
  })
})

describe('credits advice', () => {
  it('fits the kind', () => {
    expect(creditsAdvice(job({ kind: 'video', request: video(15) }))).toBe('Shorten the video (each second costs 80), or top up.')
    expect(creditsAdvice(job())).toBe('Pick fewer variants or standard quality, or top up.')
    expect(creditsAdvice(job({ kind: 'ad', request: { kind: 'ad', params: { brief: 'x', productIds: ['p'], aspectRatio: '4:5', imageCount: 2 } } }))).toBe('Ask for fewer ad images, or top up.')
  })
})
