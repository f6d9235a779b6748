// Prints the plain `N passed, N failed, N skipped` line CI reads, summed over vitest's and
// Playwright's JSON reports. Steps that failed outside any test runner (typecheck, lint…)
// count as failures too, so a red build can never print "0 failed".
import { existsSync, readFileSync } from 'node:fs'

// argv: how many non-test steps failed (typecheck, lint…), and npm test's exit status.
const otherFailedSteps = Number(process.argv[2] ?? 0)
const testStatus = Number(process.argv[3] ?? 0)
let passed = 0
let failed = 0
let skipped = 0

const vitest = 'test-results/vitest.json'
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'))
  passed += r.numPassedTests ?? 0
  failed += r.numFailedTests ?? 0
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  // A file that failed to load has no failed test in it, but the run is red.
  if (r.success === false && (r.numFailedTests ?? 0) === 0) failed += Math.max(1, r.numFailedTestSuites ?? 0)
}

const e2e = 'test-results/e2e-report.json'
if (existsSync(e2e)) {
  const r = JSON.parse(readFileSync(e2e, 'utf8'))
  passed += r.stats?.expected ?? 0
  failed += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0)
  skipped += r.stats?.skipped ?? 0
  if ((r.errors ?? []).length > 0 && (r.stats?.unexpected ?? 0) === 0) failed += 1
}

// npm test failed without any failed test (the build broke, a runner crashed): count it.
if (testStatus !== 0 && failed === 0) failed += 1
failed += otherFailedSteps
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
