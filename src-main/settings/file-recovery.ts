import { copyFileSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Reading a JSON document defensively, and keeping a damaged one for the user instead of
 * overwriting it. conf's constructor throws on a file it cannot parse, so every document
 * is checked here before conf ever opens it.
 */

export type RawRead =
  | { kind: 'missing' }
  | { kind: 'ok'; data: Record<string, unknown> }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'unreadable'; reason: string }

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function readJsonDocument(path: string): RawRead {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { kind: 'missing' }
    return { kind: 'unreadable', reason: code ?? String(error) }
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { kind: 'corrupt', reason: text.trim() === '' ? 'the file is empty' : 'the file is not valid JSON' }
  }
  if (!isPlainObject(data)) return { kind: 'corrupt', reason: 'the file does not hold a settings object' }
  return { kind: 'ok', data }
}

/** `settings.json` → `settings.corrupt-2026-02-26T10-15-00-000Z.json` (no ':' for Windows). */
export function corruptBackupPath(path: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const name = basename(path).replace(/\.json$/i, '')
  return join(dirname(path), `${name}.corrupt-${stamp}.json`)
}

/** Moves an unreadable document aside so the user (or support) can still recover it. */
export function quarantineFile(path: string, now: Date): string {
  const target = corruptBackupPath(path, now)
  renameSync(path, target)
  return target
}

/** Keeps a copy of a document before fields in it are replaced by defaults. */
export function backupCopy(path: string, now: Date): string {
  const target = corruptBackupPath(path, now)
  copyFileSync(path, target)
  return target
}

/**
 * conf's atomic writer uses `<file>.tmp-<10 digits><6 hex>` beside the target and removes
 * it on a normal exit; a crash mid-write can leave one behind. Sweeping at start is safe
 * because the app holds a single-instance lock.
 */
export function sweepStaleTempFiles(path: string): number {
  const dir = dirname(path)
  const prefix = `${basename(path)}.tmp-`
  let removed = 0
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return 0
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d{10}[a-f0-9]{6}$/.test(name.slice(prefix.length))) continue
    try {
      rmSync(join(dir, name), { force: true })
      removed++
    } catch {
      // Best effort: a leftover temp file is harmless.
    }
  }
  return removed
}
