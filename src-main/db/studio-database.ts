import { join, resolve } from 'node:path'
import { openDatabase, type Db } from './database'
import { MIGRATIONS } from './migrations/index'

/**
 * Where the studio's database lives in a data folder, and one shared connection per folder
 * for a feature built without the composition root's (tests, benchmarks): every store of
 * that folder then reads and writes the same database, as in the app.
 */

export const studioDatabasePath = (dataDir: string): string => join(dataDir, 'studio.sqlite3')

const shared = new Map<string, Db>()

export function sharedStudioDatabase(dataDir: string): Db {
  const path = resolve(studioDatabasePath(dataDir))
  let db = shared.get(path)
  if (!db || !db.open) {
    db = openDatabase(path, { migrations: MIGRATIONS }).db
    shared.set(path, db)
  }
  return db
}
