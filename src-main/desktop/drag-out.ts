import type { CommandArgs, CommandOutput } from '../../src-preload/contract'
import { AppError } from '../core/app-error'

/**
 * Dragging library outputs out of the app (to Finder, Explorer, a browser upload, a chat
 * app) as their real files. The renderer only names ids; the files are found here, through
 * the library's own resolver, which answers only for indexed files inside the Library folder
 * (symlinks and paths outside it refused). The sender was checked by the transport: only
 * the app's own main frame reaches the router, and the drag starts from that window.
 */

/** Starts the OS drag with these absolute paths (Electron's webContents.startDrag); false when it could not. */
export type StartNativeDrag = (files: string[]) => boolean

export interface DragOutDeps {
  /** The real path of an output's original, or null when it is not (or no longer) there. */
  resolveFile(id: string): Promise<string | null>
  /** Absent where there is no native drag (the web preview): the renderer downloads instead. */
  startDrag?: StartNativeDrag | undefined
}

export function dragOutHandler(deps: DragOutDeps) {
  return async ({ ids }: CommandArgs<'library.startDrag'>): Promise<CommandOutput<'library.startDrag'>> => {
    const unique = [...new Set(ids)]
    if (!deps.startDrag) return { started: false, files: 0, missing: 0 }
    const paths = await Promise.all(unique.map((id) => deps.resolveFile(id).catch(() => null)))
    const files = paths.filter((p): p is string => p !== null)
    const missing = unique.length - files.length
    if (files.length === 0) {
      const what = unique.length === 1 ? 'This file is' : 'These files are'
      throw new AppError('not_found', `${what} missing from the Library folder. Rebuild the library, or remove ${unique.length === 1 ? 'it' : 'them'}.`, {
        retryable: false
      })
    }
    return { started: deps.startDrag(files), files: files.length, missing }
  }
}
