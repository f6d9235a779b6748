import ElectronStore from 'electron-store'
import type { JsonStoreOpener } from '../settings/json-store'

/**
 * Settings and app state in the Electron app: electron-store documents in `dir` (the app's
 * data folder). electron-store extends conf, so writes are atomic and the settings logic is
 * the one tested on conf. `clearInvalidConfig` stays false: a damaged file is moved aside
 * and reported by the settings code, never silently emptied.
 */
export function electronStoreOpener(dir: string): JsonStoreOpener {
  return {
    dir,
    open: (name) => new ElectronStore<Record<string, unknown>>({ cwd: dir, name, clearInvalidConfig: false })
  }
}
