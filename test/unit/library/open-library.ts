import { join } from 'node:path'
import type { Db } from '../../../src-main/db/database'
import { createLibraryService, type LibraryDeps, type LibraryService } from '../../../src-main/library/library-service'
import { createMediaStore } from '../../../src-main/media/media-store'
import { mediaUrlFactory } from '../../../src-main/media/media-url'
import { openStudioTestDatabase } from '../db/studio-test-database'

/** A library over a real database file and Library folder inside `dir`, as the studio builds it. */
export function openTestLibrary(dir: string, over: Partial<LibraryDeps> = {}): LibraryService & { db: Db; close(): void } {
  const opened = openStudioTestDatabase(dir)
  const lib = createLibraryService({
    db: opened.db,
    dataDir: dir,
    libraryDir: () => join(dir, 'Library'),
    recovered: opened.recovered !== null,
    media: createMediaStore(dir),
    mediaUrl: mediaUrlFactory('/__krev/media'),
    host: { reveal: () => undefined, chooseExportFolder: async () => null },
    mode: () => 'sandbox',
    emitAdded: () => undefined,
    emitChanged: () => undefined,
    ffmpegPath: null,
    ...over
  })
  return Object.assign(lib, { db: opened.db, close: () => opened.db.close() })
}

/** Where the sandbox's Library folder is for a test library in `dir`. */
export const sandboxLibraryDir = (dir: string): string => join(dir, 'sandbox', 'library')
