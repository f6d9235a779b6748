import { describe, expect, it } from 'vitest'
import { createSemaphore } from '../../../src-main/core/semaphore'

/** Resolves when told to: the test decides when each held task ends. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

describe('createSemaphore (the queue downloads and the sandbox renders share it)', () => {
  it('lets at most `limit` tasks run, first come first served', async () => {
    const s = createSemaphore(() => 2)
    const gates = [gate(), gate(), gate()]
    const order: number[] = []
    const runs = gates.map((g, i) =>
      s.run(async () => {
        order.push(i)
        await g.opened
      })
    )
    await Promise.resolve()
    await Promise.resolve()
    expect(order).toEqual([0, 1])
    gates[0]!.open()
    await runs[0]
    await Promise.resolve()
    expect(order).toEqual([0, 1, 2])
    gates[1]!.open()
    gates[2]!.open()
    await Promise.all(runs)
  })

  it('releases its place when the task throws', async () => {
    const s = createSemaphore(() => 1)
    await expect(s.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(s.run(async () => 'next')).resolves.toBe('next')
  })

  it('an aborted wait leaves the line without taking a place', async () => {
    const s = createSemaphore(() => 1)
    const held = await s.acquire()
    const ac = new AbortController()
    const waiting = s.acquire(ac.signal)
    ac.abort()
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' })
    held()
    const again = await s.acquire()
    again()
  })
})
