import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, join } from 'node:path'

/**
 * Where deleted library files go. In the app it is the OS trash (adapters/electron-trash.ts,
 * Electron's shell.trashItem), so a delete can be undone from Finder, Explorer or the
 * desktop's bin. Without one (the browser preview, tests) the fallback below moves files
 * into `<dataDir>/.trash/`, a folder the creator can open and empty; it never deletes.
 */
export interface Trash {
  /** 'os': the system trash; 'folder': the data folder's `.trash`. The renderer says which. */
  readonly kind: 'os' | 'folder'
  /** Moves one file there; rejects (the file left where it was) when it can't. */
  put(absPath: string): Promise<void>
}

/** The data folder's trash folder: each delete in a sub-folder of its own, so same-named files never collide. */
export const DATA_DIR_TRASH = '.trash'

export function dataDirTrash(dataDir: string): Trash {
  const root = join(dataDir, DATA_DIR_TRASH)
  return {
    kind: 'folder',
    async put(absPath) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      const dir = join(root, `${stamp}-${randomBytes(4).toString('hex')}`)
      await fs.mkdir(dir, { recursive: true })
      const target = join(dir, basename(absPath))
      try {
        await fs.rename(absPath, target)
      } catch (error) {
        // The Library folder may be on another disk than the data folder: copy, then remove.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') {
          await fs.rmdir(dir).catch(() => undefined)
          throw error
        }
        await fs.copyFile(absPath, target)
        await fs.unlink(absPath)
      }
    }
  }
}
