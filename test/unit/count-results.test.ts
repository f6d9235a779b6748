import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

// scripts/count-results.mjs is what CI reads: the first line must stay exactly
// `N passed, N failed, N skipped`, and a skip not on the allow-list must turn it red.
const SCRIPT = resolve(import.meta.dirname, '../../scripts/count-results.mjs')
const ALLOW = resolve(import.meta.dirname, '../../.ci/allowed-skips.json')
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'krev-count-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const vitestReport = (skipped: { file: string; title: string }[]) => ({
  numPassedTests: 3,
  numFailedTests: 0,
  numPendingTests: skipped.length,
  numTodoTests: 0,
  success: true,
  testResults: [
    { name: '/x/test/unit/a.test.ts', assertionResults: [{ fullName: 'a works', title: 'works', status: 'passed' }] },
    ...skipped.map((s) => ({ name: s.file, assertionResults: [{ fullName: s.title, title: s.title, status: 'skipped' }] }))
  ]
})

const playwrightReport = (project: string, reason: string) => ({
  stats: { expected: 2, unexpected: 0, flaky: 0, skipped: 1 },
  errors: [],
  suites: [
    {
      title: 'smoke.spec.ts',
      file: 'electron/smoke.spec.ts',
      specs: [],
      suites: [
        {
          title: 'Electron app',
          specs: [{ title: 'starts', file: 'electron/smoke.spec.ts', tests: [{ projectName: project, status: 'skipped', annotations: [{ type: 'skip', description: reason }] }] }]
        }
      ]
    }
  ]
})

function run(status = 0): { lines: string[] } {
  const out = execFileSync(process.execPath, [SCRIPT, '0', String(status), dir, ALLOW], { encoding: 'utf8' })
  return { lines: out.trim().split('\n') }
}

describe('count-results', () => {
  it('allows a skip on the allow-list (any project name) and names it on the next line', () => {
    writeFileSync(join(dir, 'vitest.json'), JSON.stringify(vitestReport([])))
    writeFileSync(join(dir, 'e2e-report.json'), JSON.stringify(playwrightReport('desktop', "Electron's binary is not installed on this machine")))
    const { lines } = run()
    expect(lines[0]).toBe('5 passed, 0 failed, 1 skipped')
    expect(lines[1]).toBe('Allowed skips: Electron binary not installed (1)')
  })

  it('counts a skip that is not on the allow-list as a failure, and says which', () => {
    writeFileSync(join(dir, 'vitest.json'), JSON.stringify(vitestReport([{ file: '/x/test/integration/k.test.ts', title: 'keychain works' }])))
    writeFileSync(join(dir, 'e2e-report.json'), JSON.stringify(playwrightReport('web', 'flaky, skip for now')))
    const { lines } = run()
    expect(lines[0]).toBe('5 passed, 2 failed, 2 skipped')
    expect(lines.slice(1).join('\n')).toMatch(/keychain works/)
    expect(lines.slice(1).join('\n')).toMatch(/web .*starts — flaky, skip for now/)
  })

  it('a red npm test with no failed test still counts one failure', () => {
    writeFileSync(join(dir, 'vitest.json'), JSON.stringify(vitestReport([])))
    expect(run(1).lines[0]).toBe('3 passed, 1 failed, 0 skipped')
  })
})
