// Who renders a webContents. By default the double "loads" instantly (boot tests need
// no browser); the journey plugs in a real Chromium page through the harness.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface RendererHost {
  /** Loads `url`; resolves with the URL the page really ended on. */
  load(webContentsId: number, url: string): Promise<string>
  /** webContents.send: the (already cloned) message for the renderer's ipcRenderer listeners. */
  deliver(webContentsId: number, channel: string, args: unknown[]): void
}

export const instantHost: RendererHost = {
  async load(_id, url) {
    // Like Electron: a missing file fails the load with ERR_FILE_NOT_FOUND (-6).
    if (url.startsWith('file:') && !existsSync(fileURLToPath(url))) {
      throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`)
    }
    return url
  },
  deliver: () => undefined
}

let host: RendererHost = instantHost

export function setRendererHost(next: RendererHost): void {
  host = next
}

export function rendererHost(): RendererHost {
  return host
}
