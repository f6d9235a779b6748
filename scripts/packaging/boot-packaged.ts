// Boots the packaged main process from the package layout under an Electron test double
// and asks it for `app.ping` through the packaged preload. Node cannot read app.asar the
// way Electron does, so the archive is extracted (with app.asar.unpacked merged back by
// @electron/asar) to a temporary folder first: the files, node_modules and native
// builds are exactly the packaged ones.
import * as asar from '@electron/asar'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface BootResult {
  ok: boolean
  reply: unknown
  output: string
}

/**
 * Runs the desktop lane's harness (test/desktop/harness/boot-child.ts) in its ping mode
 * on the packaged entry: the electron double stands in for `electron` (loader hook first,
 * then tsx for the double's TypeScript), 'ready' fires, and once the window's page loaded
 * the packaged preload is run in a sandboxed-renderer context and asked for app.ping; the
 * child prints `KREV_BOOT_PING <json envelope>` and exits 0.
 */
export async function bootPackaged(resourcesDir: string, projectDir: string, timeoutMs = 30_000): Promise<BootResult> {
  const root = mkdtempSync(join(tmpdir(), 'krev-boot-app-'))
  const userData = mkdtempSync(join(tmpdir(), 'krev-boot-data-'))
  try {
    asar.extractAll(join(resourcesDir, 'app.asar'), root)
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const entry = join(root, manifest.main)
    const loader = pathToFileURL(join(projectDir, 'test/desktop/loader/register.mjs')).href
    // From the project, not the extracted app: tsx is a dev dependency, never packaged.
    const tsx = import.meta.resolve('tsx')
    const harness = join(projectDir, 'test/desktop/harness/boot-child.ts')
    const child = spawn(process.execPath, ['--import', loader, '--import', tsx, harness], {
      cwd: root,
      env: {
        ...process.env,
        KREV_MAIN_ENTRY: entry,
        KREV_BOOT_MODE: 'ping',
        KREV_DOUBLE_PACKAGED: '1',
        KREV_DOUBLE_USER_DATA: userData,
        // No session bus: keytar fails fast and can never touch a real keychain.
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
        ELECTRON_RENDERER_URL: ''
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    const code = await new Promise<number | null>((done) => child.on('close', done))
    clearTimeout(timer)
    const line = output.split('\n').find((l) => l.startsWith('KREV_BOOT_PING '))
    const reply = line ? JSON.parse(line.slice('KREV_BOOT_PING '.length)) : null
    return { ok: code === 0 && !!reply?.ok && reply.data?.message === 'packaged', reply, output }
  } finally {
    rmSync(root, { recursive: true, force: true })
    rmSync(userData, { recursive: true, force: true })
  }
}
