// electron-builder `beforePack` hook (npmRebuild is off): rebuild only the native modules
// that need Electron's V8 ABI, and never the N-API ones. electron-builder's own rebuild
// would rebuild keytar too and, offline, delete keytar's build when the header download fails.
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its hooks as CommonJS */
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')

/** Native modules built against V8 (must match Electron's ABI). keytar is N-API: absent on purpose. */
const ELECTRON_ABI_MODULES = ['better-sqlite3']

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']

module.exports = async function rebuildNative(context) {
  const appDir = context.packager.info.appDir
  const electronVersion = context.packager.config.electronVersion
  const arch = ARCH_NAMES[context.arch] ?? 'x64'
  if (process.env.KREV_SKIP_NATIVE_REBUILD === '1') {
    console.log(
      `  • native rebuild skipped (KREV_SKIP_NATIVE_REBUILD=1): ${ELECTRON_ABI_MODULES.join(', ')} keep their ` +
        'Node build; this package is for layout checks only, not for users'
    )
    return
  }
  const { rebuild } = require('@electron/rebuild')
  console.log(`  • rebuilding ${ELECTRON_ABI_MODULES.join(', ')} for Electron ${electronVersion} (${arch}); keytar is N-API, left as is`)
  // node-gyp cleans build/ before it fetches headers: keep the builds to put back on failure.
  const saved = ELECTRON_ABI_MODULES.map((name) => {
    const release = path.join(appDir, 'node_modules', name, 'build', 'Release')
    const backup = fs.mkdtempSync(path.join(os.tmpdir(), `krev-${name}-`))
    if (fs.existsSync(release)) fs.cpSync(release, backup, { recursive: true })
    return { release, backup }
  })
  try {
    await rebuild({ buildPath: appDir, electronVersion, arch, onlyModules: ELECTRON_ABI_MODULES, force: true, mode: 'sequential' })
  } catch (error) {
    for (const { release, backup } of saved) fs.cpSync(backup, release, { recursive: true })
    throw new Error(`native rebuild failed (previous builds restored): ${error instanceof Error ? error.message : error}`)
  } finally {
    for (const { backup } of saved) fs.rmSync(backup, { recursive: true, force: true })
  }
}
