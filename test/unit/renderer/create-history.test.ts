import { describe, expect, it } from 'vitest'
import { HISTORY_LIMIT, readHistory, remember, writeHistory } from '../../../src-renderer/src/features/create/prompt-history'
import { createSubmitActions, SAME_ACTION_MS } from '../../../src-renderer/src/features/create/submit-action'

/** Prompt history (kept, bounded, read defensively) and which press is which user action. */

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items }
}

describe('prompt history', () => {
  it('keeps the newest last, moves a repeated prompt up, skips blanks and keeps the last 50', () => {
    expect(remember(['a', 'b'], ' a ')).toEqual(['b', 'a'])
    expect(remember(['a'], '   ')).toEqual(['a'])
    const many = Array.from({ length: HISTORY_LIMIT }, (_, i) => `p${i}`)
    const next = remember(many, 'new')
    expect(next).toHaveLength(HISTORY_LIMIT)
    expect(next.at(-1)).toBe('new')
    expect(next[0]).toBe('p1')
  })

  it('survives a restart through storage, and reads junk as no history', () => {
    const storage = memoryStorage()
    writeHistory(storage, { image: ['wallet'], video: ['orbit'], ad: [] })
    expect(readHistory(storage)).toEqual({ image: ['wallet'], video: ['orbit'], ad: [] })
    const [key] = [...storage.items.keys()]
    expect(readHistory(memoryStorage({ [key!]: '{not json' }))).toEqual({ image: [], video: [], ad: [] })
    expect(readHistory(memoryStorage({ [key!]: JSON.stringify({ image: ['ok', 7, ''], video: 'x' }) }))).toEqual({ image: ['ok'], video: [], ad: [] })
    expect(readHistory(undefined)).toEqual({ image: [], video: [], ad: [] })
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError') } }
    expect(() => writeHistory(full, { image: ['x'], video: [], ad: [] })).not.toThrow()
  })
})

describe('submit actions', () => {
  const setup = () => {
    const clock = { t: 0 }
    let n = 0
    const actions = createSubmitActions({ now: () => clock.t, newId: () => `action-${++n}` })
    return { clock, actions }
  }
  const req = { kind: 'image', params: { prompt: 'wallet' } }

  it('a press while the action is on its way, or moments after its answer, is the same action', () => {
    const { clock, actions } = setup()
    const id = actions.press(req)
    actions.sent(id)
    clock.t += 10 * SAME_ACTION_MS // a slow answer: still in flight
    expect(actions.press(req)).toBe(id)
    actions.answered(id, true)
    clock.t += SAME_ACTION_MS - 1
    expect(actions.press(req)).toBe(id)
    // Each repeat extends the action: a run of presses is one press.
    clock.t += SAME_ACTION_MS - 1
    expect(actions.press(req)).toBe(id)
    clock.t += SAME_ACTION_MS
    expect(actions.press(req)).not.toBe(id)
  })

  it('a changed request or a failed try starts a new action', () => {
    const { actions } = setup()
    const id = actions.press(req)
    expect(actions.press({ ...req, params: { prompt: 'wallet, blue' } })).not.toBe(id)
    const other = actions.press(req)
    actions.sent(other)
    actions.answered(other, false)
    expect(actions.press(req)).not.toBe(other)
  })
})
