import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  contrast,
  cssFiles,
  documentedPairs,
  readTokens,
  resolveColor,
  rulePairs,
  type Pair,
  type Theme
} from './css-contrast'

// Every text/background pair the renderer's CSS uses, in both themes, against WCAG AA:
// 4.5:1 for text, 3:1 for large text and UI parts. Lowering a token fails here.

const SRC = resolve(import.meta.dirname, '../../../src-renderer/src')
const files = cssFiles([resolve(SRC, 'styles'), resolve(SRC, 'features/products')])
const tokensCss = files.find((f) => f.file === 'tokens.css')?.css ?? ''
const tokens = readTokens(tokensCss)
const pairs: Pair[] = files.flatMap(({ file, css }) => [...rulePairs(css, file), ...documentedPairs(css, file)])
// A translucent background sits on one of these; the worst of them counts.
const SURFACES = ['--bg', '--surface', '--surface-2', '--surface-3']

function worstRatio(theme: Theme, pair: Pair): number {
  const t = tokens[theme]
  const unders = SURFACES.map((s) => resolveColor(t, s))
  return Math.min(
    ...unders.map((under) => {
      const bg = resolveColor(t, pair.bg, under)
      return contrast(resolveColor(t, pair.fg, bg), bg)
    })
  )
}

describe('colour contrast of the design tokens', () => {
  it('finds the pairs the CSS uses (rules and documented pairs)', () => {
    expect(tokens.light.size).toBeGreaterThan(20)
    expect(pairs.some((p) => p.where.includes('@pair'))).toBe(true)
    expect(pairs.some((p) => p.fg === '--on-accent' && p.bg === '--accent')).toBe(true)
    expect(pairs.length).toBeGreaterThan(30)
  })

  for (const theme of ['light', 'dark'] as const) {
    it(`every pair passes WCAG AA in the ${theme} theme`, () => {
      const failing = pairs
        .map((p) => ({ ...p, ratio: Number(worstRatio(theme, p).toFixed(2)) }))
        .filter((p) => p.ratio < p.min)
        .map((p) => `${p.fg} on ${p.bg}: ${p.ratio} < ${p.min} (${p.where})`)
      expect(failing).toEqual([])
    })
  }

  it('fails a lowered token (the check can fail)', () => {
    const lowered = readTokens(tokensCss.replace(/--text-3:[^;]+;/, '--text-3: light-dark(#a0a0a8, #55555e);'))
    const under = resolveColor(lowered.light, '--surface')
    expect(contrast(resolveColor(lowered.light, '--text-3'), under)).toBeLessThan(4.5)
  })

  it('computes the WCAG reference values', () => {
    const t = new Map([
      ['--w', '#ffffff'],
      ['--k', '#000'],
      ['--g', '#777777'],
      ['--half', 'rgba(0, 0, 0, 0.5)']
    ])
    expect(contrast(resolveColor(t, '--w'), resolveColor(t, '--k'))).toBeCloseTo(21, 5)
    expect(contrast(resolveColor(t, '--g'), resolveColor(t, '--w'))).toBeCloseTo(4.48, 2)
    expect(resolveColor(t, '--half', resolveColor(t, '--w')).slice(0, 3).map(Math.round)).toEqual([128, 128, 128])
  })
})
