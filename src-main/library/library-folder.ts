import { promises as fs } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { writeFileAtomic } from '../core/atomic-file'
import type { MediaMode } from '../media/media-store'

/**
 * Where the library's files live. Krev outputs go to the creator's Library folder (the
 * `libraryDir` setting, `~/Pictures/Krev Studio` by default); sandbox play goes to
 * `<dataDir>/sandbox/library`, so trying the app never fills the Pictures folder. Paths in
 * the index are relative to these roots; `resolveFile` is the one way back to a real file
 * and refuses symlinks and anything whose real path is outside the root.
 */

export const STAGING_DIR = '.krev-staging'
/** Partial downloads older than this are given up at start; younger ones may be resumed. */
const STALE_STAGING_MS = 3 * 24 * 3600_000

export interface ResolvedFile {
  path: string
  size: number
  mtimeMs: number
}

export interface LibraryFolders {
  root(mode: MediaMode): string
  /** The absolute path of a relative library path (validated; the file may not exist). */
  abs(mode: MediaMode, rel: string): string
  /** A folder on the Library folder's disk for downloads in progress (renamed into place). */
  stagingDir(mode: MediaMode): string
  sweepStaging(mode: MediaMode, now?: number): Promise<void>
  resolveFile(mode: MediaMode, rel: string): Promise<ResolvedFile | null>
}

/** A relative path we wrote or indexed: '/'-separated parts, none empty, '.', '..' or absolute. */
export function isSafeRelPath(rel: string): boolean {
  if (rel.length === 0 || rel.length > 1024 || rel.includes('\\') || rel.includes('\0')) return false
  return rel.split('/').every((p) => p !== '' && p !== '.' && p !== '..' && !/^[a-zA-Z]:$/.test(p))
}

export function createLibraryFolders(dataDir: string, libraryDir: () => string): LibraryFolders {
  const root = (mode: MediaMode) => resolve(mode === 'krev' ? libraryDir() : join(dataDir, 'sandbox', 'library'))
  const abs = (mode: MediaMode, rel: string) => {
    if (!isSafeRelPath(rel)) throw new Error('invalid library path')
    const base = root(mode)
    const full = resolve(base, ...rel.split('/'))
    if (!full.startsWith(base + sep)) throw new Error('invalid library path')
    return full
  }
  return {
    root,
    abs,
    stagingDir: (mode) => join(root(mode), STAGING_DIR),
    async sweepStaging(mode, now = Date.now()) {
      const dir = join(root(mode), STAGING_DIR)
      const names = await fs.readdir(dir).catch(() => [] as string[])
      for (const name of names) {
        const info = await fs.lstat(join(dir, name)).catch(() => null)
        if (info?.isFile() && now - info.mtimeMs > STALE_STAGING_MS) await fs.rm(join(dir, name), { force: true })
      }
    },
    async resolveFile(mode, rel) {
      let path: string
      try {
        path = abs(mode, rel)
      } catch {
        return null
      }
      const info = await fs.lstat(path).catch(() => null)
      // lstat: a symlink (or anything but a plain file) is refused, never followed.
      if (!info?.isFile()) return null
      const [realRoot, realPath] = await Promise.all([fs.realpath(root(mode)).catch(() => null), fs.realpath(path).catch(() => null)])
      if (!realRoot || !realPath || !realPath.startsWith(realRoot + sep)) return null
      return { path: realPath, size: info.size, mtimeMs: info.mtimeMs }
    }
  }
}

/** Moves a finished file into the Library folder: a rename on the same disk, else copy + fsync + remove. */
export async function moveIntoPlace(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await writeFileAtomic(to, await fs.readFile(from))
    await fs.rm(from, { force: true })
  }
}
