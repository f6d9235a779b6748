// electron-builder `beforePack` hook (npmRebuild is off): rebuild only the native modules
// that need Electron's V8 ABI, and never the N-API ones. electron-builder's own rebuild
// would rebuild keytar too and, offline, delete keytar's build when the header download fails.
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its hooks as CommonJS */

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
  await rebuild({ buildPath: appDir, electronVersion, arch, onlyModules: ELECTRON_ABI_MODULES, force: true, mode: 'sequential' })
}
