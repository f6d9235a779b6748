/**
 * The few operations the settings code needs from a JSON file store. `conf` and
 * electron-store (which extends conf) both satisfy `ConfLike` structurally, so the logic
 * is tested on conf and runs on electron-store without importing either.
 *
 * Writes through `store = …` replace the whole document in one atomic write: conf uses
 * `atomically.writeFileSync` (temp file in the same folder, fsync, rename over the target),
 * so a crash mid-write leaves the old or the new file, never a torn one. (Exception: conf
 * writes in place when running inside a Snap package; we do not ship as a Snap.)
 */
export interface ConfLike {
  readonly path: string
  store: Record<string, unknown>
}

/** Opens the document `<dir>/<name>.json`. */
export interface JsonStoreOpener {
  readonly dir: string
  open(name: string): ConfLike
}

/** Something the user should be told about (sent as `app.notice`). */
export interface Notice {
  level: 'info' | 'warning' | 'error'
  message: string
  detail?: string
}

export type NoticeSink = (notice: Notice) => void

/**
 * Stands in when the real file cannot be opened at all (e.g. permission denied): the app
 * keeps running on in-memory values and says so, instead of crashing at start.
 */
export function memoryConfLike(path: string, initial: Record<string, unknown> = {}): ConfLike {
  let data = { ...initial }
  return {
    path,
    get store() {
      return { ...data }
    },
    set store(value: Record<string, unknown>) {
      data = { ...value }
    }
  }
}
