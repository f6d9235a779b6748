// npm start: build, then launch Electron. Where Electron's binary is missing (it could
// not be downloaded), say so plainly and point to the browser preview instead.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

function electronBinary() {
  // Read electron's path.txt ourselves: `require('electron')` tries to download it.
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'))
    const rel = readFileSync(join(pkgDir, 'path.txt'), 'utf8').trim()
    const bin = join(pkgDir, 'dist', rel)
    return existsSync(bin) ? bin : null
  } catch {
    return null
  }
}

if (!electronBinary()) {
  console.error(
    [
      "Krev Studio can't start the desktop app here: Electron's binary is not installed",
      '(it could not be downloaded on this machine, or ELECTRON_SKIP_BINARY_DOWNLOAD was set).',
      '',
      'Open the studio in your browser instead:',
      '  npm run preview:web -- --port 5173',
      '',
      'To get the desktop app, reinstall Electron with network access: npm rebuild electron'
    ].join('\n')
  )
  process.exit(1)
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1
const status = run('npx', ['electron-vite', 'preview'])
process.exit(status)
