// npm start / npm run dev: make sure Electron's binary is installed (downloading it with
// Electron's own installer the first time, with progress), build, and launch the studio.
// Where the download is impossible (offline, blocked) say so in one paragraph, offer the
// browser preview, and exit 1.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { electronPackageDir, installElectron, installedElectron } from './electron-binary.mjs'

const require = createRequire(import.meta.url)
const ROOT = resolve(import.meta.dirname, '..')
const dev = process.argv.includes('--dev')

function warnOldNode() {
  const [major, minor] = process.versions.node.split('.').map(Number)
  if (major < 22 || (major === 22 && minor < 12)) {
    console.warn(`Note: Electron 45's tooling wants Node.js >= 22.12; this is ${process.version}.`)
  }
}

function progressPrinter() {
  let lastStep = -1
  return ({ transferred, total, percent }) => {
    const mb = (n) => (n / 1048576).toFixed(0)
    const line = total ? `  ${Math.floor(percent * 100)}% (${mb(transferred)} of ${mb(total)} MB)` : `  ${mb(transferred)} MB`
    if (process.stdout.isTTY) process.stdout.write(`\r${line}   `)
    else if (Math.floor(percent * 10) > lastStep) {
      lastStep = Math.floor(percent * 10)
      console.log(line)
    }
  }
}

async function ensureElectron() {
  const dir = electronPackageDir()
  const present = installedElectron(dir)
  if (present) return present
  const { version } = require(join(dir, 'package.json'))
  console.log(`Installing Electron ${version} for ${process.platform}-${process.arch} (about 100 MB, first start only)…`)
  const result = await installElectron(dir, progressPrinter())
  if (process.stdout.isTTY) process.stdout.write('\n')
  if (result.bin) return result.bin
  console.error(
    [
      '',
      "Krev Studio can't open its desktop window here: Electron's binary is not installed and could not be",
      "downloaded. This happens offline or where downloads from Electron's releases are blocked. Run",
      '`npm start` again once the network allows it (or set ELECTRON_MIRROR to a reachable mirror), or open',
      'the same studio in your browser now:',
      '',
      '  npm run preview:web -- --port 5173',
      '',
      `(Electron's installer said: ${result.error})`
    ].join('\n')
  )
  return null
}

function run(command, args, env = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
    const forward = (signal) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`)
      done(1)
    })
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      done(code ?? (signal ? 1 : 0))
    })
  })
}

const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')

warnOldNode()
const bin = await ensureElectron()
if (!bin) process.exit(1)
// electron-vite finds the binary through ELECTRON_EXEC_PATH before it would require('electron').
const env = { ELECTRON_EXEC_PATH: bin }
if (dev) process.exit(await run(process.execPath, [electronVite, 'dev'], env))
if (!process.env['KREV_START_SKIP_BUILD']) {
  const built = await run(process.execPath, [electronVite, 'build'])
  if (built !== 0) process.exit(built)
}
process.exit(await run(bin, ['.'], env))
