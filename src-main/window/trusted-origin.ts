import { pathToFileURL } from 'node:url'

/**
 * The only pages allowed to run in the app window and to call into main: the bundled
 * renderer (file:// under out/renderer) or, in `electron-vite dev`, the dev server URL.
 * Pure so it can be tested without Electron.
 */
let devServerOrigin: string | null = null
let rendererFileRoot: string | null = null

export function configureTrustedOrigins(opts: { devServerUrl?: string | undefined; rendererIndexFile: string }): void {
  devServerOrigin = opts.devServerUrl ? new URL(opts.devServerUrl).origin : null
  rendererFileRoot = new URL('.', pathToFileUrl(opts.rendererIndexFile)).href
}

/**
 * Node's own conversion, so `#`, `%`, `?` and spaces in the install folder are escaped the
 * way Chromium escapes them (a hand-built URL let `#` cut the root back to the parent
 * folder and `%` refuse every page). Drive-letter paths are Windows paths on any host.
 */
function pathToFileUrl(path: string): string {
  return pathToFileURL(path, { windows: /^[A-Za-z]:[\\/]/.test(path) }).href
}

export function isTrustedFrameUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (devServerOrigin && url.origin === devServerOrigin) return true
  return url.protocol === 'file:' && rendererFileRoot !== null && url.href.startsWith(rendererFileRoot)
}
