#!/usr/bin/env node
// Fails when a test waits a fixed time instead of for an event: `setTimeout(resolve, N)`
// sleeps, bare `sleep(N)` calls and Playwright's `waitForTimeout(N)`. Wait on a condition
// with test/support/wait-for.ts instead. A line may be allowed with a reason, on it or on
// the line above: `// sleep-ok: <why this is not synchronisation>`. A zero delay (a
// macrotask yield) is not a sleep. Also the other face of timing: an elapsed time asserted
// (`expect(Date.now() - t0)…`), which passes or fails with the machine's load; check the
// cause instead (the wait a limiter recorded, the error kind). Prints file:line for each
// finding; exit 1 if any.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(fileURLToPath(import.meta.url), '../..')
const SCAN = ['test']
/** The one place a poll step is written (it waits on a condition), and this guard's own samples. */
const EXEMPT = new Set(['test/support/wait-for.ts', 'test/unit/check-test-sleeps.test.ts'])

export const PATTERNS = [
  { name: 'setTimeout as a sleep', re: /setTimeout\(\s*(?:r|res|resolve|done|next)\s*,(?!\s*0\s*\))\s*[^)\s]/ },
  { name: 'sleep(ms)', re: /(?<![.\w])sleep\(\s*\d/ },
  { name: 'waitForTimeout', re: /\bwaitForTimeout\(/ },
  { name: 'elapsed time in expect', re: /\bexpect\([^;]*?\b(?:Date|performance)\.now\(\)\s*-/ }
]
const ALLOW = /\/\/\s*sleep-ok:\s*\S/

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return []
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(c|m)?tsx?$|\.m?js$/.test(name) ? [path] : []
  })
}

export function findSleeps(text, file) {
  const lines = text.split('\n')
  const found = []
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\*)/.test(line)) return
    for (const p of PATTERNS) {
      if (!p.re.test(line)) continue
      if (ALLOW.test(line) || ALLOW.test(lines[i - 1] ?? '')) continue
      found.push(`${file}:${i + 1}: ${p.name}: ${line.trim()}`)
    }
  })
  return found
}

function main() {
  const found = SCAN.flatMap((dir) => filesUnder(join(ROOT, dir)))
    .map((path) => relative(ROOT, path).split('\\').join('/'))
    .filter((file) => !EXEMPT.has(file))
    .flatMap((file) => findSleeps(readFileSync(join(ROOT, file), 'utf8'), file))
  if (found.length > 0) {
    console.error(
      `Fixed sleeps or elapsed-time assertions in tests (wait for an event with test/support/wait-for.ts, assert the cause, or add "// sleep-ok: <reason>"):\n${found.join('\n')}`
    )
    process.exit(1)
  }
  console.log('no fixed sleeps in tests')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
