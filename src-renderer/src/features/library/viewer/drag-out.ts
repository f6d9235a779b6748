import type { DragEvent } from 'react'
import type { Asset } from '../../../../../src-preload/contract'
import { MAX_DRAG_FILES } from '../../../../../src-preload/contract/values'
import { errorMessage, invoke } from '../../../api/client'
import { useAppStore } from '../../../stores/app'

/**
 * Dragging outputs to other apps. In Electron the drag is native, with the real files:
 * the HTML drag is cancelled and main calls webContents.startDrag (library.startDrag). In a
 * browser (the web preview) there is no native drag, so the drag carries a download instead
 * (Chromium's DownloadURL: dropped on the desktop, the file is saved) and the URLs.
 */

const EXT: Record<string, string> = { 'image/webp': 'webp', 'image/png': 'png', 'image/jpeg': 'jpg', 'video/mp4': 'mp4', 'video/webm': 'webm', 'video/quicktime': 'mov' }

/** The name a download of this output gets. */
export function downloadName(asset: Asset): string {
  const ext = EXT[asset.mimeType] ?? asset.mimeType.split('/')[1] ?? 'bin'
  return `krev-${asset.kind}-${asset.createdAt.slice(0, 10)}-${asset.id.slice(0, 8)}.${ext}`
}

/** Electron's renderer says so in its user agent (the app never overrides it). */
export const hasNativeDrag = (): boolean => typeof navigator !== 'undefined' && /\bElectron\//.test(navigator.userAgent)

/** Starts dragging these outputs out of the window (the first `MAX_DRAG_FILES`). */
export function startDragOut(event: DragEvent<HTMLElement>, assets: readonly Asset[]): void {
  const first = assets[0]
  if (!first) return
  if (hasNativeDrag()) {
    event.preventDefault()
    const ids = assets.slice(0, MAX_DRAG_FILES).map((a) => a.id)
    void invoke('library.startDrag', { ids })
      .then((out) => {
        if (out.missing > 0) {
          const n = out.missing
          useAppStore.getState().pushNotice({ level: 'warning', message: `${n} ${n === 1 ? 'file was' : 'files were'} missing from the Library folder and left out.` })
        }
      })
      .catch((e: unknown) => useAppStore.getState().pushNotice({ level: 'error', message: errorMessage(e) }))
    return
  }
  const absolute = (url: string) => new URL(url, window.location.href).href
  event.dataTransfer.effectAllowed = 'copy'
  event.dataTransfer.setData('DownloadURL', `${first.mimeType}:${downloadName(first)}:${absolute(first.mediaUrl)}`)
  event.dataTransfer.setData('text/uri-list', assets.map((a) => absolute(a.mediaUrl)).join('\r\n'))
}
