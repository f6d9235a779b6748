import { describe, expect, it } from 'vitest'
import { createSpendGate, needsConfirm, type SpendAsk } from '../../../src-renderer/src/features/create/use-confirm-spend'
import { validateSettings } from '../../../src-renderer/src/stores/settings'
import { settings } from './fixtures'

/** "Confirm jobs above": a submit over the threshold asks first; cancel sends nothing, confirm sends once. */

function gate() {
  const sent: string[][] = []
  const asks: (SpendAsk | null)[] = []
  const g = createSpendGate<[string]>(
    (actionId) => void sent.push([actionId]),
    (ask) => void asks.push(ask)
  )
  return { g, sent, asks }
}

describe('confirm spend', () => {
  it('asks only above the threshold, never when it is 0', () => {
    expect(needsConfirm(240, 200)).toBe(true)
    expect(needsConfirm(200, 200)).toBe(false)
    expect(needsConfirm(40, 200)).toBe(false)
    expect(needsConfirm(100_000, 0)).toBe(false)
  })

  it('sends at once at or below the threshold', () => {
    const { g, sent, asks } = gate()
    g.request({ credits: 200, threshold: 200 }, 'a1')
    expect(sent).toEqual([['a1']])
    expect(asks).toEqual([])
  })

  it('cancel sends nothing', () => {
    const { g, sent, asks } = gate()
    g.request({ credits: 480, threshold: 200 }, 'a1')
    expect(asks).toEqual([{ credits: 480, threshold: 200 }])
    expect(sent).toEqual([])
    g.cancel()
    g.confirm() // a late click after cancelling has nothing to send
    expect(sent).toEqual([])
    expect(asks.at(-1)).toBeNull()
  })

  it('confirm sends the asked-about submit once, even when clicked twice or the key repeats', () => {
    const { g, sent, asks } = gate()
    g.request({ credits: 480, threshold: 200 }, 'a1')
    g.request({ credits: 480, threshold: 200 }, 'a2') // a repeat while asking does not ask again
    expect(asks).toHaveLength(1)
    g.confirm()
    g.confirm()
    expect(sent).toEqual([['a1']])
  })

  it('validates the two new settings like the other credit amounts', () => {
    expect(validateSettings(settings({ sessionSpendCap: 500, confirmAbove: 0 }))).toEqual({})
    expect(validateSettings(settings({ sessionSpendCap: -1 })).sessionSpendCap).toBeTruthy()
    expect(validateSettings(settings({ confirmAbove: 1.5 })).confirmAbove).toBeTruthy()
  })
})
