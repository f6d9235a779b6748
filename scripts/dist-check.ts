// `npm run dist:check`: builds the Linux `dir` package against a stand-in Electron dist
// (Electron's binary is not installed here) and checks what a user would get: contents,
// import resolution, native code and its libraries, fuses, a packaged boot, and size.
// Run after `electron-vite build` (the npm script does both).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { bootPackaged } from './packaging/boot-packaged'
import {
  checkNativeCode,
  devOnlyPackages,
  directorySize,
  forbiddenEntries,
  openPackage,
  unresolvedImports
} from './packaging/inspect-package'
import { createStandInElectronDist, readFuseWire } from './packaging/stand-in-electron'

const projectDir = resolve(import.meta.dirname, '..')
/** V1 fuse order: RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect, AsarIntegrity, OnlyLoadAppFromAsar, V8 snapshot, file: privileges. */
const EXPECTED_FUSES = '01001100'

const failures: string[] = []
const check = (ok: boolean, what: string, detail = '') => {
  console.log(`${ok ? '✔' : '✘'} ${what}${detail ? `: ${detail}` : ''}`)
  if (!ok) failures.push(what)
}
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`

async function main(): Promise<void> {
  if (!existsSync(join(projectDir, 'out/main/index.js'))) throw new Error('out/main is missing: run `npx electron-vite build` first')
  const electronDist = createStandInElectronDist()
  const output = mkdtempSync(join(tmpdir(), 'krev-dist-check-'))
  try {
    const version = JSON.parse(readFileSync(join(projectDir, 'node_modules/electron/package.json'), 'utf8')).version
    console.log(`Packaging linux dir (x64) with a stand-in Electron ${version} dist → ${output}`)
    console.log('Native rebuild is skipped here (offline, no Electron headers): better-sqlite3 keeps its Node build.')
    const built = spawnSync(
      join(projectDir, 'node_modules/.bin/electron-builder'),
      ['--config', 'electron-builder.yml', '--linux', 'dir', '--x64', '--publish', 'never',
        `-c.electronDist=${electronDist}`, `-c.electronVersion=${version}`, `-c.directories.output=${output}`],
      { cwd: projectDir, encoding: 'utf8', env: { ...process.env, KREV_SKIP_NATIVE_REBUILD: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' } }
    )
    if (built.status !== 0) throw new Error(`electron-builder failed:\n${built.stdout}\n${built.stderr}`)
    const appDir = join(output, 'linux-unpacked')
    const resources = join(appDir, 'resources')
    const pkg = openPackage(resources)

    const bad = forbiddenEntries(pkg, devOnlyPackages(projectDir))
    check(bad.length === 0, 'no src-*, test, docs, bench, .ci, scripts or dev dependencies inside', bad.slice(0, 10).join(', '))

    const bundles = [...pkg.files].filter((f) => /^out\/main\/[^/]+\.(m?js|cjs)$/.test(f))
    const missing = unresolvedImports(pkg, bundles)
    check(
      bundles.includes('out/main/index.js') && missing.length === 0,
      `imports of ${bundles.join(', ')} resolve inside app.asar / app.asar.unpacked`,
      missing.map((m) => `${m.spec} (from ${m.from})`).join(', ')
    )
    check(pkg.files.has('out/preload/index.cjs') && pkg.files.has('out/renderer/index.html'), 'preload and renderer are packaged')

    const native = checkNativeCode(pkg)
    check(
      native.nodeFiles.length > 0 && native.problems.length === 0,
      `${native.nodeFiles.length} .node files and ${native.libraries.length} shared libraries unpacked with their NEEDED libraries`,
      native.problems.join('; ')
    )
    const ffmpeg = 'node_modules/@ffmpeg-installer/linux-x64/ffmpeg'
    check(!pkg.files.has(ffmpeg) || pkg.isUnpacked(ffmpeg), 'ffmpeg binary unpacked')

    const executable = join(appDir, 'krev-studio')
    const fuses = readFuseWire(readFileSync(executable))
    check(fuses === EXPECTED_FUSES, 'Electron fuses flipped', `wire ${fuses}, expected ${EXPECTED_FUSES}`)

    const boot = await bootPackaged(resources, projectDir)
    check(boot.ok, 'packaged main boots under the electron double (test/desktop) and answers app.ping via the packaged preload',
      boot.ok ? JSON.stringify(boot.reply) : boot.output.slice(-2000))

    const asarSize = statSync(pkg.archive).size
    const unpackedSize = directorySize(pkg.unpackedDir)
    const total = directorySize(appDir)
    console.log(`Package size (stand-in Electron, so without Electron's ~250 MiB runtime): app ${mib(asarSize + unpackedSize)}` +
      ` = app.asar ${mib(asarSize)} + app.asar.unpacked ${mib(unpackedSize)}; linux-unpacked total ${mib(total)}`)
    const largest = readdirSync(join(pkg.unpackedDir, 'node_modules'), { withFileTypes: true })
      .flatMap((d) => (d.name.startsWith('@') ? readdirSync(join(pkg.unpackedDir, 'node_modules', d.name)).map((n) => `${d.name}/${n}`) : [d.name]))
      .map((n) => [n, directorySize(join(pkg.unpackedDir, 'node_modules', n))] as const)
      .sort((a, b) => b[1] - a[1])
    console.log(`Unpacked: ${largest.map(([n, s]) => `${n} ${mib(s)}`).join(', ')}`)
  } finally {
    rmSync(electronDist, { recursive: true, force: true })
    if (!process.env.KREV_KEEP_DIST_CHECK) rmSync(output, { recursive: true, force: true })
  }
  if (failures.length) {
    console.log(`dist:check failed: ${failures.length} check(s)`)
    process.exit(1)
  }
  console.log('dist:check passed')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
