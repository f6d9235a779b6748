import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// docs/faults.md maps each fault to `file` › «test name». This keeps the map honest: every
// referenced file exists and still contains the named test, and every row either names a
// test or says plainly that it is not yet covered.
const ROOT = resolve(import.meta.dirname, '../..')
const doc = readFileSync(join(ROOT, 'docs/faults.md'), 'utf8')
const rows = doc.split('\n').filter((line) => /^\| \d+ \|/.test(line))
const REF = /`([^`]+\.(?:test|spec)\.ts)` › «([^»]+)»/g

describe('docs/faults.md', () => {
  it('has one row per fault, each with a test or an honest "not yet covered"', () => {
    expect(rows.length).toBeGreaterThanOrEqual(28)
    for (const row of rows) {
      const refs = [...row.matchAll(REF)]
      expect(refs.length > 0 || row.includes('not yet covered'), row.slice(0, 80)).toBe(true)
    }
  })

  it('every referenced test exists in the referenced file', () => {
    const refs = rows.flatMap((row) => [...row.matchAll(REF)].map((m) => ({ file: m[1]!, name: m[2]! })))
    expect(refs.length).toBeGreaterThan(40)
    const missing = refs.filter(({ file, name }) => {
      const path = join(ROOT, file)
      return !existsSync(path) || !readFileSync(path, 'utf8').includes(name)
    })
    expect(missing).toEqual([])
  })
})
