// A stand-in for Electron's Linux dist, so electron-builder can package here without
// Electron's binary. electron-builder copies the folder and renames `electron` to the
// executable name; @electron/fuses then looks for its sentinel in that file, so the
// stand-in carries a real fuse wire (all 8 V1 fuses, at Electron's defaults) to flip.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron's default wire: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, rest off. */
const DEFAULT_WIRE = '10110000'

export function createStandInElectronDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'krev-electron-dist-'))
  mkdirSync(join(dir, 'resources'), { recursive: true })
  mkdirSync(join(dir, 'locales'), { recursive: true })
  const script = '#!/bin/sh\necho "stand-in Electron: not runnable" >&2\nexit 1\n# '
  const wire = Buffer.concat([Buffer.from(script + FUSE_SENTINEL, 'latin1'), Buffer.from([1, 8]), Buffer.from(DEFAULT_WIRE + '\n')])
  writeFileSync(join(dir, 'electron'), wire)
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'chrome-sandbox'), '')
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n')
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n')
  writeFileSync(join(dir, 'version'), '45.5.0')
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '')
  return dir
}

/** The fuse wire of a packaged executable, as '0'/'1' per V1 fuse. */
export function readFuseWire(executable: Buffer): string {
  const at = executable.indexOf(FUSE_SENTINEL)
  if (at < 0) throw new Error('no fuse sentinel in the packaged executable')
  const start = at + FUSE_SENTINEL.length
  const length = executable[start + 1] ?? 0
  return executable.toString('latin1', start + 2, start + 2 + length)
}
