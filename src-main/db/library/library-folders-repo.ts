import type { Db } from '../database'
import type { MediaMode } from '../../media/media-store'

/** The `library_folders` table: each Library sub-folder's mtime when it was last indexed. */
export function createLibraryFoldersRepo(db: Db) {
  const all = db.prepare('SELECT rel_dir AS dir, mtime_ms AS mtimeMs FROM library_folders WHERE mode = ?')
  const set = db.prepare(
    'INSERT INTO library_folders (mode, rel_dir, mtime_ms) VALUES (?, ?, ?) ON CONFLICT (mode, rel_dir) DO UPDATE SET mtime_ms = excluded.mtime_ms'
  )
  const remove = db.prepare('DELETE FROM library_folders WHERE mode = ? AND rel_dir = ?')
  const clear = db.prepare('DELETE FROM library_folders WHERE mode = ?')
  return {
    all: (mode: MediaMode) => all.all(mode) as { dir: string; mtimeMs: number }[],
    set: (mode: MediaMode, dir: string, mtimeMs: number) => void set.run(mode, dir, mtimeMs),
    remove: (mode: MediaMode, dir: string) => void remove.run(mode, dir),
    /** Forgets every folder, so the next check reads them all again (a rebuild). */
    clear: (mode: MediaMode) => void clear.run(mode)
  }
}

export type LibraryFoldersRepo = ReturnType<typeof createLibraryFoldersRepo>
