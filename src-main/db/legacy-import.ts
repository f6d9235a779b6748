import { promises as fs } from 'node:fs'
import type { Db } from './database'

/**
 * Moving a domain's JSON files of before into the database, once, without losing anything:
 * everything readable is written in ONE transaction (so a crash mid-way leaves none of it
 * and the next start simply runs the import again), the rows are counted back, and only
 * then are the old files renamed aside (`<name>.imported-<ms>`), never deleted. A crash
 * between the commit and the renames re-runs too: rows already there are kept, not doubled.
 */

export interface LegacyImport<T> {
  /** Reads the old files; null when there is nothing (left) to import. */
  read(): Promise<T | null>
  /** Writes what was read (inside the transaction); must keep rows already present. */
  write(data: T): void
  /** How many of the read items the database now holds, and how many there should be. */
  verify(data: T): { found: number; expected: number }
  /** Renames the imported files aside; `suffix` is `.imported-<ms>`. */
  moveAside(data: T, suffix: string): Promise<void>
}

export type ImportOutcome =
  | { imported: number; notMovedAside?: unknown }
  | { unverified: { found: number; expected: number } }
  | null

export async function runLegacyImport<T>(db: Db, job: LegacyImport<T>, now: () => number = Date.now): Promise<ImportOutcome> {
  const data = await job.read()
  if (data === null) return null
  db.transaction(() => job.write(data)).immediate()
  const counted = job.verify(data)
  // Not all there: the files stay where they are and the next start tries again.
  if (counted.found !== counted.expected) return { unverified: counted }
  try {
    await job.moveAside(data, `.imported-${now()}`)
  } catch (error) {
    // The rows are in and verified: use them. The files stay, and the next start's re-run keeps the rows.
    return { imported: counted.expected, notMovedAside: error }
  }
  return { imported: counted.expected }
}

/** Renames a file or folder aside if it is there (a re-run after a crash may find it gone). */
export async function renameIfPresent(path: string, suffix: string): Promise<void> {
  try {
    await fs.rename(path, path + suffix)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

const inFlight = new WeakMap<Db, Map<string, Promise<unknown>>>()

/**
 * Callers of one domain that ask at the same time (the job and pause stores) share one
 * import; a later caller looks again, which costs a missing folder's stat once done.
 */
export function shared<T>(db: Db, key: string, task: () => Promise<T>): Promise<T> {
  let byKey = inFlight.get(db)
  if (!byKey) inFlight.set(db, (byKey = new Map()))
  let p = byKey.get(key) as Promise<T> | undefined
  if (!p) {
    p = task()
    const settled = () => byKey.delete(key)
    p.then(settled, settled)
    byKey.set(key, p)
  }
  return p
}
