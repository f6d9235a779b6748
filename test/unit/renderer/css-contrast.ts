import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// Reads the renderer's CSS the way the browser would for colour: tokens written as
// light-dark(light, dark) resolve per theme, translucent colours are composited over
// what sits under them, and WCAG 2.x relative luminance gives the contrast ratio.

export type Theme = 'light' | 'dark'
export type Rgba = [number, number, number, number]

export interface Pair {
  fg: string
  bg: string
  /** 4.5 for body text; 3 for large text and UI parts. */
  min: number
  where: string
}

export function cssFiles(dirs: readonly string[]): Array<{ file: string; css: string }> {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.css'))
      .map((f) => ({ file: f, css: readFileSync(join(dir, f), 'utf8') }))
  )
}

/** `--name: value` declarations of `:root`, with the value split per theme. */
export function readTokens(css: string): Record<Theme, Map<string, string>> {
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? ''
  const out: Record<Theme, Map<string, string>> = { light: new Map(), dark: new Map() }
  for (const m of stripComments(root).matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    const [name, value] = [m[1], m[2].trim()]
    const split = /^light-dark\((.*)\)$/.exec(value)
    const [light, dark] = split ? splitTopLevel(split[1]) : [value, value]
    out.light.set(name, light)
    out.dark.set(name, dark)
  }
  return out
}

/** `@pair --fg on --bg [ui|large]` lines in comments: pairs no single rule shows. */
export function documentedPairs(css: string, file: string): Pair[] {
  return [...css.matchAll(/@pair\s+(--[\w-]+)\s+on\s+(--[\w-]+)(\s+(?:ui|large))?/g)].map((m) => ({
    fg: m[1],
    bg: m[2],
    min: m[3] ? 3 : 4.5,
    where: `${file} @pair`
  }))
}

/**
 * Every rule that sets both a text colour and a background from tokens. A state rule
 * (`.x:hover`) that sets only one side borrows the other from its base rule (`.x`).
 */
export function rulePairs(css: string, file: string): Pair[] {
  const rules = [...stripComments(css).matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: m[1].trim(),
    color: tokenOf(m[2], /(?:^|;|\s)color\s*:\s*([^;]+)/),
    bg: tokenOf(m[2], /(?:^|;|\s)background(?:-color)?\s*:\s*([^;]+)/)
  }))
  const bySelector = new Map(rules.map((r) => [r.selector, r]))
  const pairs: Pair[] = []
  for (const r of rules) {
    const base = bySelector.get(baseSelector(r.selector))
    const fg = r.color ?? base?.color
    const bg = r.bg ?? base?.bg
    if (!fg || !bg || (!r.color && !r.bg)) continue
    pairs.push({ fg, bg, min: 4.5, where: `${file} ${r.selector.replace(/\s+/g, ' ')}` })
  }
  return pairs
}

/** Resolves a token to an opaque colour, compositing translucency over `under`. */
export function resolveColor(tokens: Map<string, string>, name: string, under?: Rgba): Rgba {
  const raw = resolveValue(tokens, name, 0)
  const c = parseColor(raw)
  if (!c) throw new Error(`${name} is not a colour: ${raw}`)
  if (c[3] >= 1) return c
  if (!under) throw new Error(`${name} is translucent and nothing is under it`)
  return composite(c, under)
}

export function contrast(a: Rgba, b: Rgba): number {
  const [la, lb] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (la + 0.05) / (lb + 0.05)
}

function resolveValue(tokens: Map<string, string>, name: string, depth: number): string {
  const v = tokens.get(name)
  if (v == null) throw new Error(`unknown token ${name}`)
  const ref = /^var\((--[\w-]+)\)$/.exec(v)
  if (ref && depth < 8) return resolveValue(tokens, ref[1], depth + 1)
  return v
}

function tokenOf(body: string, re: RegExp): string | undefined {
  const value = re.exec(body)?.[1]?.trim()
  return value ? /^var\((--[\w-]+)\)$/.exec(value)?.[1] : undefined
}

function baseSelector(sel: string): string {
  return sel.replace(/:(hover|active|focus-visible|focus|disabled)\b/g, '').replace(/\[aria-[\w-]+(='[^']*')?\]/g, '').trim()
}

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '')
}

function splitTopLevel(s: string): [string, string] {
  let depth = 0
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++
    else if (s[i] === ')') depth--
    else if (s[i] === ',' && depth === 0) return [s.slice(0, i).trim(), s.slice(i + 1).trim()]
  }
  throw new Error(`light-dark() needs two values: ${s}`)
}

function parseColor(v: string): Rgba | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v)?.[1]
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((h) => h + h).join('') : hex
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).concat(1) as Rgba
  }
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+))?\s*\)$/.exec(v)
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] == null ? 1 : Number(rgb[4])]
  return undefined
}

function composite(top: Rgba, under: Rgba): Rgba {
  const a = top[3]
  return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1) as Rgba
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}
