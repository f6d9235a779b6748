import { describe, expect, it } from 'vitest'
import {
  createWaker,
  DEFAULT_POLL_TIMING as T,
  errorDelay,
  nextInterval,
  pollLoop,
  type PollOutcome
} from '../../../src-main/chat/poll-loop'
import { fakeSleep, until } from './fakes'

/** The timing of a run's polling, with a fake sleep: no real waiting. */

describe('poll timing', () => {
  it('grows ×1.5 to ~6 s while nothing changes and snaps back on a change', () => {
    let ms = T.initialMs
    const seen = [ms]
    for (let i = 0; i < 6; i++) seen.push((ms = nextInterval(ms, 'same', T)))
    expect(seen).toEqual([1000, 1500, 2250, 3375, 5063, 6000, 6000])
    expect(nextInterval(6000, 'changed', T)).toBe(1000)
  })

  it('backs off from 5 s, doubling, capped at a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => errorDelay(n, T))).toEqual([5000, 10000, 20000, 40000, 60000, 60000, 60000])
  })

  it('loops until done, adapting to what each poll found', async () => {
    const s = fakeSleep()
    const outcomes: PollOutcome[] = ['same', 'same', 'changed', 'same', 'done']
    await pollLoop(async () => outcomes.shift()!, {
      signal: new AbortController().signal,
      waker: createWaker(s.sleep),
      timing: T,
      onError: async () => 'retry'
    })
    expect(s.calls).toEqual([1000, 1500, 2250, 1000, 1500])
  })

  it('after failures, starts fast again; a "stop" verdict ends it', async () => {
    const s = fakeSleep()
    const steps: (PollOutcome | Error)[] = [new Error('x'), new Error('y'), 'same', new Error('z')]
    let verdicts = 0
    await pollLoop(
      async () => {
        const next = steps.shift()!
        if (next instanceof Error) throw next
        return next
      },
      {
        signal: new AbortController().signal,
        waker: createWaker(s.sleep),
        timing: T,
        onError: async () => (++verdicts === 3 ? 'stop' : 'retry')
      }
    )
    // 1 s, fail, 5 s, fail, 10 s, answer (back to 1 s), fail → stop
    expect(s.calls).toEqual([1000, 5000, 10000, 1000])
    expect(verdicts).toBe(3)
  })

  it('a wake cuts a long wait short and cancels its timer', async () => {
    const s = fakeSleep(false)
    const waker = createWaker(s.sleep)
    const napping = waker.nap(60_000, new AbortController().signal)
    expect(s.pending.map((p) => p.ms)).toEqual([60_000])
    waker.wakeAll()
    await napping
    expect(s.pending).toEqual([])
  })

  it('abort ends the loop without another poll', async () => {
    const s = fakeSleep(false)
    const controller = new AbortController()
    let polls = 0
    const loop = pollLoop(
      async () => {
        polls++
        return 'same'
      },
      { signal: controller.signal, waker: createWaker(s.sleep), timing: T, onError: async () => 'retry' }
    )
    await until(() => s.pending.length === 1)
    controller.abort()
    await loop
    expect(polls).toBe(0)
  })
})
