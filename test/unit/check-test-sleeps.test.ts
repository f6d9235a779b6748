import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script, no type declarations
import { findSleeps } from '../../scripts/check-test-sleeps.mjs'

const find = findSleeps as (text: string, file: string) => string[]

describe('the fixed-sleep guard (scripts/check-test-sleeps.mjs, run by .ci/run)', () => {
  it('names each sleep by file and line', () => {
    const text = ['it("x", async () => {', '  await new Promise((r) => setTimeout(r, 300))', '  await sleep(50)', '  await page.waitForTimeout(100)', '})'].join('\n')
    const found = find(text, 'test/x.test.ts')
    expect(found).toHaveLength(3)
    expect(found[0]).toMatch(/^test\/x\.test\.ts:2: setTimeout as a sleep/)
    expect(found[1]).toMatch(/^test\/x\.test\.ts:3: sleep\(ms\)/)
    expect(found[2]).toMatch(/^test\/x\.test\.ts:4: waitForTimeout/)
  })

  it.each([
    'expect(Date.now() - t0).toBeGreaterThanOrEqual(1000)',
    'expect(performance.now() - started, "fast").toBeLessThan(2_000)',
    'expect(ms, `took ${Date.now() - t0}`).toBe(1)'
  ])('names an elapsed time asserted inside expect(): %s', (line) => {
    expect(find(`it("x", () => {\n  ${line}\n})`, 'test/t.test.ts')).toEqual([`test/t.test.ts:2: elapsed time in expect: ${line}`])
  })

  it.each([
    'const old = new Date(Date.now() - 7 * 24 * 3600_000)',
    'waits.push({ endsAt: Date.now() + ms })',
    'expect(Date.now() - t0).toBeLessThan(60_000) // sleep-ok: a hang guard, not a speed check'
  ])('lets a time computed outside expect(), a future time and an allowed line through: %s', (line) => {
    expect(find(line, 'a.ts')).toEqual([])
  })

  it('lets a yield, a virtual clock and an allowed line with a reason through', () => {
    const text = [
      'await new Promise((r) => setTimeout(r, 0))',
      'await clock.sleep(1_000)',
      '// sleep-ok: the delay is the stimulus',
      'await new Promise((r) => setTimeout(r, 15))',
      'await new Promise((r) => setTimeout(r, 15)) // sleep-ok: bound, not a wait'
    ].join('\n')
    expect(find(text, 'a.ts')).toEqual([])
    expect(find('// sleep-ok:\nawait new Promise((r) => setTimeout(r, 15))', 'a.ts')).toHaveLength(1)
  })

  it('finds none in the suite', () => {
    const script = resolve(import.meta.dirname, '../../scripts/check-test-sleeps.mjs')
    expect(execFileSync(process.execPath, [script], { encoding: 'utf8' })).toMatch(/no fixed sleeps/)
  })
})
