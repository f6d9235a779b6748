// Prints the plain `N passed, N failed, N skipped` line CI reads, summed over vitest's and
// Playwright's JSON reports, then (when there are any) a line naming the allowed skips.
// Steps that failed outside any test runner (typecheck, lint…) count as failures too, so a
// red build can never print "0 failed". A skipped test that is not on the allow-list
// (.ci/allowed-skips.json, each entry with its reason) is a failure: a skip cannot hide.
// Any project name (unit, integration, web, electron, desktop…) is handled the same way.
import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'

// argv: how many non-test steps failed (typecheck, lint…), npm test's exit status, and
// optionally the report folder and the allow-list (for the unit test of this script).
const otherFailedSteps = Number(process.argv[2] ?? 0)
const testStatus = Number(process.argv[3] ?? 0)
const dir = process.argv[4] ?? 'test-results'
const allowFile = process.argv[5] ?? '.ci/allowed-skips.json'
const allowList = existsSync(allowFile) ? JSON.parse(readFileSync(allowFile, 'utf8')) : []

let passed = 0
let failed = 0
/** Every skipped test: { runner, project, file, title, reason }. */
const skips = []

const vitest = `${dir}/vitest.json`
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'))
  passed += r.numPassedTests ?? 0
  failed += r.numFailedTests ?? 0
  for (const file of r.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') {
        skips.push({ runner: 'vitest', project: '', file: relative(process.cwd(), file.name ?? ''), title: t.fullName ?? t.title, reason: t.meta?.skipReason ?? '' })
      }
    }
  }
  // A report without per-test detail still counts its skips (and they are not allowed).
  const listed = skips.length
  const counted = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  for (let i = listed; i < counted; i++) skips.push({ runner: 'vitest', project: '', file: '', title: '(unnamed)', reason: '' })
  // A file that failed to load has no failed test in it, but the run is red.
  if (r.success === false && (r.numFailedTests ?? 0) === 0) failed += Math.max(1, r.numFailedTestSuites ?? 0)
}

function* playwrightSpecs(suite, file) {
  for (const spec of suite.specs ?? []) yield { spec, file: spec.file ?? suite.file ?? file }
  for (const child of suite.suites ?? []) yield* playwrightSpecs(child, suite.file ?? file)
}

const e2e = `${dir}/e2e-report.json`
if (existsSync(e2e)) {
  const r = JSON.parse(readFileSync(e2e, 'utf8'))
  passed += r.stats?.expected ?? 0
  failed += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0)
  for (const suite of r.suites ?? []) {
    for (const { spec, file } of playwrightSpecs(suite, '')) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue
        const reason = (t.annotations ?? []).filter((a) => a.type === 'skip').map((a) => a.description ?? '').join(' ')
        skips.push({ runner: 'playwright', project: t.projectName ?? '', file, title: spec.title, reason })
      }
    }
  }
  if ((r.errors ?? []).length > 0 && (r.stats?.unexpected ?? 0) === 0) failed += 1
}

const matches = (rule, s) =>
  (!rule.runner || rule.runner === s.runner) &&
  (!rule.project || rule.project === s.project) &&
  (!rule.file || s.file.includes(rule.file)) &&
  (!rule.reasonIncludes || s.reason.includes(rule.reasonIncludes)) &&
  Boolean(rule.name && rule.why)

const allowed = new Map()
const refused = []
for (const s of skips) {
  const rule = allowList.find((r) => matches(r, s))
  if (rule) allowed.set(rule.name, (allowed.get(rule.name) ?? 0) + 1)
  else refused.push(s)
}

// npm test failed without any failed test (the build broke, a runner crashed): count it.
if (testStatus !== 0 && failed === 0) failed += 1
failed += otherFailedSteps + refused.length
console.log(`${passed} passed, ${failed} failed, ${skips.length} skipped`)
if (allowed.size > 0) {
  console.log(`Allowed skips: ${[...allowed].map(([name, n]) => `${name} (${n})`).join('; ')}`)
}
for (const s of refused) {
  const where = [s.runner, s.project, s.file].filter(Boolean).join(' ')
  console.log(`Skipped without an allow-list entry (counted as failed): ${where} › ${s.title}${s.reason ? ` — ${s.reason}` : ''}`)
}
