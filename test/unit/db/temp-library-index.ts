import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../../src-main/db/database'
import { createLibraryIndex, type LibraryIndex } from '../../../src-main/library/library-index'
import { openStudioTestDatabase } from './studio-test-database'

export interface TempLibraryIndex {
  db: Db
  index: LibraryIndex
  /** Closes the database and removes its folder. */
  dispose(): Promise<void>
}

/** The library index on a fresh, fully migrated database file in a new temporary folder. */
export async function openTempLibraryIndex(prefix: string): Promise<TempLibraryIndex> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  const { db } = openStudioTestDatabase(dir)
  return {
    db,
    index: createLibraryIndex(db),
    dispose: async () => {
      db.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
