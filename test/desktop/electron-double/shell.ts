// `shell`: the calls that leave the app (browser, file manager). Recorded, never performed.
import { record } from './record'

export const shell = {
  async openExternal(url: string, options?: unknown): Promise<void> {
    record('shell.openExternal', { url, options })
    if (typeof url !== 'string') throw new TypeError('shell.openExternal: url must be a string')
  },
  showItemInFolder(fullPath: string): void {
    record('shell.showItemInFolder', { fullPath })
  },
  async openPath(path: string): Promise<string> {
    record('shell.openPath', { path })
    return ''
  },
  async trashItem(path: string): Promise<void> {
    record('shell.trashItem', { path })
  },
  beep(): void {
    record('shell.beep')
  }
}
