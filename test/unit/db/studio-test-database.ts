import { afterEach, beforeEach } from 'vitest'
import { openDatabase, type Db, type OpenedDatabase } from '../../../src-main/db/database'
import { MIGRATIONS } from '../../../src-main/db/migrations/index'
import { studioDatabasePath } from '../../../src-main/db/studio-database'
import { tempDirs } from '../../support/temp-dirs'

/** The studio's database file in the data folder `dir`, opened with every migration applied. */
export function openStudioTestDatabase(dir: string): OpenedDatabase {
  return openDatabase(studioDatabasePath(dir), { migrations: MIGRATIONS })
}

export interface StudioDatabaseEachTest {
  /** This test's data folder. */
  readonly dir: string
  /** The studio database in it, every migration applied. */
  readonly db: Db
  /** Closes the database and opens its file again, as a restart of the studio does. */
  reopen(): void
}

/**
 * For each test of the file: a new temporary data folder (`<prefix>…`) with the studio's
 * database file in it, opened; after the test, the database closed and the folder removed.
 */
export function studioDatabaseEachTest(prefix: string): StudioDatabaseEachTest {
  const newDir = tempDirs(prefix)
  const open = (dir: string) => openStudioTestDatabase(dir).db
  let dir: string | null = null
  let db: Db | null = null
  const current = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`studioDatabaseEachTest: no ${what} outside a test`)
    return value
  }
  beforeEach(async () => {
    dir = await newDir()
    db = open(dir)
  })
  afterEach(() => {
    if (db?.open) db.close()
    db = null
    dir = null
  })
  return {
    get dir() {
      return current(dir, 'folder')
    },
    get db() {
      return current(db, 'database')
    },
    reopen() {
      current(db, 'database').close()
      db = open(current(dir, 'folder'))
    }
  }
}
