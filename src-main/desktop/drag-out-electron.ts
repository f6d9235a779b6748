import { nativeImage, type NativeImage, type WebContents } from 'electron'
import type { StartNativeDrag } from './drag-out'

/** The drag image's size: the OS shows it under the pointer. */
const ICON_SIZE = 64

/**
 * webContents.startDrag for the main window. Electron wants `file` (one path) and accepts
 * `files` for several; the icon must not be empty on macOS, so the app icon stands in when
 * it can't be read. The window is the only one whose main frame may call in (the transport
 * refuses every other sender), so the drag belongs to the page that asked for it.
 */
export function electronStartDrag(getWindow: () => { webContents: WebContents } | null, iconPath: string): StartNativeDrag {
  let icon: NativeImage | null = null
  const dragIcon = (): NativeImage => {
    if (icon) return icon
    const image = nativeImage.createFromPath(iconPath)
    icon = image.isEmpty() ? image : image.resize({ width: ICON_SIZE, height: ICON_SIZE, quality: 'best' })
    return icon
  }
  return (files) => {
    const win = getWindow()
    const first = files[0]
    if (!win || win.webContents.isDestroyed() || first === undefined) return false
    const image = dragIcon()
    if (image.isEmpty()) return false
    win.webContents.startDrag(files.length === 1 ? { file: first, icon: image } : { file: first, files, icon: image })
    return true
  }
}
