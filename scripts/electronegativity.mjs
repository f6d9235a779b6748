// Runs Doyensec's electronegativity over the app's sources and fails on any finding
// that is not reviewed in .ci/electronegativity-reviewed.json (each with its reason).
// The release-list checks are skipped: they need the internet and we pin Electron.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const work = mkdtempSync(join(tmpdir(), 'krev-eneg-'))
const csv = join(work, 'report.csv')
for (const dir of ['src-main', 'src-preload', 'src-renderer']) {
  cpSync(join(root, dir), join(work, 'app', dir), { recursive: true })
}
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const run = spawnSync(
  join(root, 'node_modules/.bin/electronegativity'),
  ['-i', join(work, 'app'), '-r', '-o', csv, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck,ElectronVersionJSONCheck'],
  { encoding: 'utf8', timeout: 180_000 }
)
if (run.status !== 0) {
  console.error(run.stdout, run.stderr)
  process.exit(run.status ?? 1)
}

const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).filter(Boolean)
const findings = rows.map((line) => {
  const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''))
  return { check: cells[0], file: cells[3], location: cells[4], sample: cells[5] }
})
const reviewed = JSON.parse(readFileSync(join(root, '.ci/electronegativity-reviewed.json'), 'utf8'))
const isReviewed = (f) => reviewed.some((r) => r.check === f.check && r.file === f.file)
const open = findings.filter((f) => !isReviewed(f))

for (const f of findings.filter(isReviewed)) {
  const why = reviewed.find((r) => r.check === f.check && r.file === f.file).reason
  console.log(`reviewed  ${f.check}  ${f.file}:${f.location}  — ${why}`)
}
for (const f of open) console.log(`FINDING   ${f.check}  ${f.file}:${f.location}  ${f.sample}`)
rmSync(work, { recursive: true, force: true })
console.log(`electronegativity: ${findings.length} findings, ${open.length} unexplained`)
process.exit(open.length === 0 ? 0 : 1)
