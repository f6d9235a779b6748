import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** Electron's binary path, or null where it was never downloaded (read without require('electron')). */
export function electronBinary(): string | null {
  try {
    const dir = dirname(require.resolve('electron/package.json'))
    const bin = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim())
    return existsSync(bin) ? bin : null
  } catch {
    return null
  }
}

export const MAIN_ENTRY = resolve(import.meta.dirname, '../../../out/main/index.js')
