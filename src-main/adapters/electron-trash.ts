import { shell } from 'electron'
import type { Trash } from '../library/trash'

/** The OS trash (macOS Trash, Windows Recycle Bin, the freedesktop trash) for library deletes. */
export const electronTrash: Trash = {
  kind: 'os',
  put: (absPath) => shell.trashItem(absPath)
}
