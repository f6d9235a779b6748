import { accessSync, constants } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * The one place that finds the optional ffmpeg binary (@ffmpeg-installer), for the
 * sandbox's video renders and the library's poster frames alike.
 */

/**
 * A binary packed into `app.asar` cannot be executed from there (the OS sees no such
 * file); electron-builder's asarUnpack puts the real copy in `app.asar.unpacked`.
 */
export function unpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2')
}

let located: string | null | undefined

/** The ffmpeg binary, or null when the optional dependency is not installed (or not executable). */
export function locateFfmpeg(): string | null {
  if (located !== undefined) return located
  try {
    const require = createRequire(import.meta.url)
    const path = unpackedPath((require('@ffmpeg-installer/ffmpeg') as { path: string }).path)
    accessSync(path, constants.X_OK)
    located = path
  } catch {
    located = null
  }
  return located
}
