// Finding and installing Electron's binary without `require('electron')`: since Electron 45
// the package has no postinstall, and requiring it starts a download as a side effect.
// Electron's own installer (`install.js`, also `npx install-electron`) extracts the zip and
// writes path.txt, but draws its progress bar only after 30 s; so we first fetch the same
// artifact through the same library (@electron/get, same version, checksums and cache) with
// a progress line of our own, and then the installer finds it in the cache and extracts it.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

/** node_modules/electron, or an override (tests point it at a stand-in package). */
export function electronPackageDir() {
  return process.env['KREV_ELECTRON_PACKAGE_DIR'] ?? dirname(require.resolve('electron/package.json'))
}

/** The executable path.txt names, or null when Electron was never installed (or is half-installed). */
export function installedElectron(dir = electronPackageDir()) {
  try {
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim()
    const bin = join(dir, 'dist', rel)
    return rel && existsSync(bin) ? bin : null
  } catch {
    return null
  }
}

/** Downloads into @electron/get's cache, reporting progress; throws with the network's reason. */
async function prefetch(dir, onProgress) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const get = await import(pathToFileURL(createRequire(join(dir, 'package.json')).resolve('@electron/get')).href)
  await get.downloadArtifact({
    version: pkg.version,
    artifactName: 'electron',
    cacheRoot: process.env['electron_config_cache'],
    checksums: JSON.parse(readFileSync(join(dir, 'checksums.json'), 'utf8')),
    platform: process.env['ELECTRON_INSTALL_PLATFORM'] ?? process.platform,
    arch: process.env['ELECTRON_INSTALL_ARCH'] ?? process.arch,
    downloadOptions: { quiet: true, getProgressCallback: (p) => onProgress(p) }
  })
}

function runInstaller(dir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, 'install.js')], { cwd: dir, stdio: ['ignore', 'inherit', 'pipe'], windowsHide: true })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk.toString()))
    child.on('error', (error) => resolve({ code: 1, stderr: error.message }))
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }))
  })
}

/**
 * Installs Electron's binary with visible progress. Resolves to `{ bin }`, or to `{ error }`
 * with a one-line reason ("getaddrinfo ENOTFOUND github.com", a checksum mismatch…), never a stack.
 */
export async function installElectron(dir = electronPackageDir(), onProgress = () => undefined) {
  let prefetchError = null
  if (!process.env['KREV_ELECTRON_SKIP_PREFETCH']) {
    try {
      await prefetch(dir, onProgress)
    } catch (error) {
      prefetchError = describe(error)
    }
  }
  // Offline the installer would fail the same way a second time: don't wait for it.
  if (prefetchError && isNetworkFailure(prefetchError)) return { error: prefetchError }
  const run = await runInstaller(dir)
  const bin = installedElectron(dir)
  if (run.code === 0 && bin) return { bin }
  return { error: prefetchError ?? firstReason(run.stderr) ?? `Electron's installer exited with ${run.code}` }
}

function describe(error) {
  const cause = error?.cause
  const detail = cause?.code ? `${cause.code}${cause.hostname ? ` ${cause.hostname}` : ''}` : cause?.message
  return [error?.message ?? String(error), detail].filter(Boolean).join(': ')
}

export function isNetworkFailure(reason) {
  return /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|certificate|proxy/i.test(reason)
}

/** The first line of an error report that says what went wrong (not a stack frame, not a bar). */
export function firstReason(stderr) {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at ') && !l.startsWith('Downloading '))
  return lines.find((l) => /error|failed|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|checksum/i.test(l)) ?? lines[0] ?? null
}
