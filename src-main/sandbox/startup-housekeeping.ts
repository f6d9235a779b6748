import { randomBytes } from 'node:crypto'
import { chmod, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Two chores of the sandbox start path (index.ts):
 *  - the default key of a persistent data dir is kept in `<dataDir>/default-key` (0600), so
 *    the built-in sandbox answers to one key across starts instead of minting one each time;
 *  - video renders killed mid-way leave `krev-sandbox-video-*` folders in the temp dir
 *    (render-video.ts removes its own on every normal path); stale ones are swept here.
 */

export const DEFAULT_KEY_FILE = 'default-key'
/** Older than any render could run: a folder this old belongs to no live render. */
export const STALE_RENDER_MS = 60 * 60 * 1000
const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function mintKey(): string {
  const bytes = randomBytes(32)
  return `sk_live_${[...bytes].map((b) => ALPHANUM[b % ALPHANUM.length]).join('')}`
}

/** The key stored in `dataDir`, or a new one written there (owner read/write only). */
export async function persistentDefaultKey(dataDir: string, pattern: RegExp): Promise<string> {
  const file = join(dataDir, DEFAULT_KEY_FILE)
  try {
    const stored = (await readFile(file, 'utf8')).trim()
    if (pattern.test(stored)) {
      await chmod(file, 0o600)
      return stored
    }
  } catch {
    // No key yet (or unreadable): mint one below.
  }
  const key = mintKey()
  await writeFile(file, `${key}\n`, { mode: 0o600 })
  await chmod(file, 0o600)
  return key
}

export async function sweepStaleRenderDirs(now = Date.now(), dir = tmpdir()): Promise<number> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return 0
  }
  let removed = 0
  for (const name of names) {
    if (!name.startsWith('krev-sandbox-video-')) continue
    const path = join(dir, name)
    try {
      if (now - (await stat(path)).mtimeMs < STALE_RENDER_MS) continue
      await rm(path, { recursive: true, force: true })
      removed++
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed
}
