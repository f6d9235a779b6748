import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { commands, events } from '../../src-preload/contract'

// Runs after `electron-vite build` (npm test builds first). The loopback test bridge and
// its WebSocket server must not be in what ships.
const OUT = resolve(import.meta.dirname, '../../out')

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** What a bundled file imports: static, bare, dynamic and require() specifiers. */
function importsOf(text: string): string[] {
  const patterns = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g, /\brequire\(\s*["']([^"']+)["']\s*\)/g]
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]))
}

/** `entry` and every bundled file it can load (statically or by import()), by path. */
function loadableFrom(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    const specifiers = importsOf(readFileSync(file, 'utf8'))
    seen.set(file, specifiers)
    for (const s of specifiers) if (s.startsWith('.')) visit(resolve(dirname(file), s))
  }
  visit(entry)
  return seen
}

describe('production bundle', () => {
  it('has been built', () => {
    expect(existsSync(join(OUT, 'main/index.js')), 'run `npm run build` first').toBe(true)
  })

  it('contains no bridge code in main, preload or renderer', () => {
    const markers = ['__krev/bridge', 'attachLoopbackBridge', 'bridge-token', 'WebSocketServer', 'startHeadlessStudio', 'bridge-shim']
    const shipped = ['main', 'preload', 'renderer'].flatMap((d) => filesUnder(join(OUT, d)))
    expect(shipped.length).toBeGreaterThan(3)
    for (const file of shipped.filter((f) => /\.(c?js|mjs|html)$/.test(f))) {
      const text = readFileSync(file, 'utf8')
      for (const marker of markers) expect(text.includes(marker), `${marker} found in ${file}`).toBe(false)
    }
  })

  it('keeps the schema library out of the renderer (it imports contract types and plain values only)', () => {
    const js = filesUnder(join(OUT, 'renderer')).filter((f) => f.endsWith('.js'))
    for (const file of js) expect(readFileSync(file, 'utf8').includes('ZodError'), file).toBe(false)
  })

  it('ships a CommonJS preload with no require of node_modules', () => {
    const preload = readFileSync(join(OUT, 'preload/index.cjs'), 'utf8')
    expect(preload).toContain('exposeInMainWorld')
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(requires.every((r) => r === 'electron')).toBe(true)
  })

  it('ships a small, zod-free preload whose allow-list is exactly the contract', () => {
    const preload = readFileSync(join(OUT, 'preload/index.cjs'), 'utf8')
    expect(Buffer.byteLength(preload)).toBeLessThan(20 * 1024)
    expect(preload).not.toMatch(/ZodError|zod/i)
    const names = [...preload.matchAll(/"([a-z]+\.[A-Za-z.]+)"/g)].map((m) => m[1])
    expect(new Set(names)).toEqual(new Set([...Object.keys(commands), ...Object.keys(events)]))
  })

  it('keeps sharp out of main: the media and sandbox workers load it, main never does', () => {
    const isSharp = (s: string) => s === 'sharp' || s.startsWith('sharp/') || s.startsWith('@img/')
    const main = loadableFrom(join(OUT, 'main/index.js'))
    expect(main.size).toBeGreaterThan(1)
    for (const [file, specifiers] of main) expect(specifiers.filter(isSharp), file).toEqual([])
    // The sandbox's renderers are bundled for its worker only, not reachable from main.
    const sandbox = loadableFrom(join(OUT, 'main/sandbox-worker.js'))
    expect([...sandbox.values()].flat().filter(isSharp).length).toBeGreaterThan(0)
    for (const file of sandbox.keys()) if ([...sandbox.get(file)!].some(isSharp)) expect(main.has(file), file).toBe(false)
  })

  it('does not inline package.json into the main bundle', () => {
    for (const file of filesUnder(join(OUT, 'main')).filter((f) => /\.(c?js|mjs)$/.test(f))) {
      const text = readFileSync(file, 'utf8')
      expect(text.includes('devDependencies'), file).toBe(false)
      expect(text.includes('"electron-vite"'), file).toBe(false)
    }
  })

  it('ships a strict Content-Security-Policy', () => {
    const html = readFileSync(join(OUT, 'renderer/index.html'), 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toMatch(/https?:\/\//)
  })
})
