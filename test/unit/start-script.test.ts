import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const START = join(ROOT, 'scripts/start.mjs')
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

/** A stand-in for node_modules/electron: same files, an installer we control. */
function standIn(installer: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'krev-electron-pkg-'))
  dirs.push(dir)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }))
  writeFileSync(join(dir, 'checksums.json'), JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/checksums.json'), 'utf8'))))
  writeFileSync(join(dir, 'install.js'), installer)
  // The real download library, so the prefetch path is the one users get.
  mkdirSync(join(dir, 'node_modules/@electron'), { recursive: true })
  symlinkSync(dirname(join(ROOT, 'node_modules/@electron/get/package.json')), join(dir, 'node_modules/@electron/get'))
  return dir
}

function start(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [START, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

/** A loopback port nothing listens on: the download is refused at once, on any machine. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as { port: number }
  await new Promise((ok) => server.close(ok))
  return port
}

// The installer a fresh machine with network access gets: writes dist/ and path.txt.
const WORKING_INSTALLER = `
const fs = require('fs'), path = require('path')
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true })
const bin = path.join(__dirname, 'dist', 'electron')
fs.writeFileSync(bin, '#!/usr/bin/env node\\nrequire("fs").writeFileSync(process.env.KREV_TEST_LAUNCH_LOG, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), exec: process.env.ELECTRON_EXEC_PATH }))\\n')
fs.chmodSync(bin, 0o755)
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron')
`

describe('npm start', () => {
  it('offline: explains itself in one paragraph, offers preview:web, exits 1, no stack trace', async () => {
    const dir = standIn('throw new Error("the installer must not run after a network failure")')
    const run = await start({ KREV_ELECTRON_PACKAGE_DIR: dir, ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/` })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Installing Electron 45.5.0')
    expect(run.stderr).toContain("Electron's binary is not installed and could not be")
    expect(run.stderr).toContain('npm run preview:web')
    expect(run.stderr).toMatch(/installer said: fetch failed: ECONNREFUSED/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('a failing installer: its one-line reason, not its stack', async () => {
    const dir = standIn('console.error(new Error("checksum mismatch for electron-v45.5.0-linux-x64.zip").stack); process.exit(1)')
    const run = await start({ KREV_ELECTRON_PACKAGE_DIR: dir, KREV_ELECTRON_SKIP_PREFETCH: '1' })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('installer said: Error: checksum mismatch')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it("installs Electron with Electron's own installer when missing, then launches the app from the project root", async () => {
    const dir = standIn(WORKING_INSTALLER)
    const log = join(dir, 'launch.json')
    const run = await start({ KREV_ELECTRON_PACKAGE_DIR: dir, KREV_ELECTRON_SKIP_PREFETCH: '1', KREV_START_SKIP_BUILD: '1', KREV_TEST_LAUNCH_LOG: log })
    expect(run.stderr).not.toContain("can't open")
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Installing Electron 45.5.0')
    const launched = JSON.parse(readFileSync(log, 'utf8')) as { args: string[]; cwd: string; exec: string }
    expect(launched.args).toEqual(['.'])
    expect(launched.cwd).toBe(ROOT)
    expect(launched.exec).toBe(join(dir, 'dist', 'electron'))
  })

  it('an installed Electron is launched without running the installer', async () => {
    const dir = standIn(WORKING_INSTALLER)
    const log = join(dir, 'launch.json')
    const env = { KREV_ELECTRON_PACKAGE_DIR: dir, KREV_ELECTRON_SKIP_PREFETCH: '1', KREV_START_SKIP_BUILD: '1', KREV_TEST_LAUNCH_LOG: log }
    await start(env)
    writeFileSync(join(dir, 'install.js'), 'process.exit(3)')
    const second = await start(env)
    expect(second.code).toBe(0)
    expect(second.stdout).not.toContain('Installing Electron')
  })
})
