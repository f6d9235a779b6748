// Runs Doyensec's electronegativity over the app's sources and fails on any finding
// that is not reviewed in .ci/electronegativity-reviewed.json (each with its reason).
// A review names the check, the file AND the flagged source line (trimmed), so a new call
// of the same kind in the same file is a new finding, not silently covered by an old review.
// (For a whole-tag check such as the CSP one the quote is the flagged value, the policy.)
// `--print-snippets` lists every finding with the line a review entry must quote.
// The release-list checks are skipped: they need the internet and we pin Electron.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const work = mkdtempSync(join(tmpdir(), 'krev-eneg-'))
// SARIF, not CSV: the tool writes its CSV header and rows with two concurrent fs.writeFile
// calls ('w' and 'a'), so under load the header lands on top of the first row (seen in CI:
// the CSP finding's first 72 bytes overwritten). The SARIF report is one write.
const report = join(work, 'report.sarif')
for (const dir of ['src-main', 'src-preload', 'src-renderer']) {
  cpSync(join(root, dir), join(work, 'app', dir), { recursive: true })
}
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const run = spawnSync(
  join(root, 'node_modules/.bin/electronegativity'),
  ['-i', join(work, 'app'), '-r', '-o', report, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck,ElectronVersionJSONCheck'],
  { encoding: 'utf8', timeout: 180_000 }
)
if (run.status !== 0) {
  console.error(run.stdout, run.stderr)
  process.exit(run.status ?? 1)
}

const results = JSON.parse(readFileSync(report, 'utf8')).runs?.[0]?.results ?? []
const findings = results.map((r) => {
  const region = r.locations?.[0]?.physicalLocation?.region ?? {}
  const file = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? ''
  const location = `${region.startLine ?? 0}:${Math.max(0, (region.startColumn ?? 1) - 1)}`
  return { check: r.ruleId, file, location, sample: sampleOf(r.ruleId, file), snippet: lineAt(file, location) }
})

/** What a whole-tag check flagged, as the CSV's "sample" column gave it: for the CSP check, the policy. */
function sampleOf(check, file) {
  if (check !== 'CSP_GLOBAL_CHECK') return ''
  try {
    const html = readFileSync(join(root, file), 'utf8')
    return /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim() ?? ''
  } catch {
    return ''
  }
}

/** The flagged source line, trimmed ('' for whole-file checks such as the CSP one). */
function lineAt(file, location) {
  const line = Number(String(location ?? '').split(':')[0])
  if (!Number.isInteger(line) || line < 1) return ''
  try {
    return (readFileSync(join(root, file), 'utf8').split('\n')[line - 1] ?? '').trim()
  } catch {
    return ''
  }
}

const reviewed = JSON.parse(readFileSync(join(root, '.ci/electronegativity-reviewed.json'), 'utf8'))
const reviewOf = (f) =>
  reviewed.find((r) => r.check === f.check && r.file === f.file && typeof r.snippet === 'string' && [f.snippet, (f.sample ?? '').trim()].includes(r.snippet.trim()))
const open = findings.filter((f) => !reviewOf(f))

for (const f of findings) {
  const review = reviewOf(f)
  if (review) console.log(`reviewed  ${f.check}  ${f.file}:${f.location}  — ${review.reason}`)
}
for (const f of open) console.log(`FINDING   ${f.check}  ${f.file}:${f.location}  ${JSON.stringify(f.snippet)}  ${f.sample}`)
if (process.argv.includes('--print-snippets')) console.log(JSON.stringify(findings.map(({ check, file, snippet }) => ({ check, file, snippet })), null, 2))
rmSync(work, { recursive: true, force: true })
console.log(`electronegativity: ${findings.length} findings, ${open.length} unexplained`)
process.exit(open.length === 0 ? 0 : 1)
