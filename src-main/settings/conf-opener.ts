import Conf from 'conf'
import type { JsonStoreOpener } from './json-store'

/**
 * Opens documents with plain `conf` (the library electron-store is built on). For the
 * headless preview and tests, where electron-store cannot run because it imports electron.
 * The Electron entry uses adapters/electron-settings-store.ts instead.
 */
export function confOpener(dir: string): JsonStoreOpener {
  return {
    dir,
    open: (name) => new Conf<Record<string, unknown>>({ cwd: dir, configName: name, clearInvalidConfig: false })
  }
}
