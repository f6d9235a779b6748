import { BrowserWindow, screen } from 'electron'
import { fitBounds, type Bounds } from './window-state'
import { hardenWebContents } from './harden-web-contents'

export interface MainWindowOptions {
  preloadPath: string
  saved: Partial<Bounds> | null
  onBoundsChanged: (bounds: Bounds) => void
  /** The page's background for the theme in force (desktop/window-theme.ts): no flash at start. */
  backgroundColor: string
  /** The window icon on Linux and Windows (macOS takes the bundle's icon). */
  icon?: string
}

/** The one studio window, with the security settings the brief requires. */
export function createMainWindow({ preloadPath, saved, onBoundsChanged, backgroundColor, icon }: MainWindowOptions): BrowserWindow {
  const bounds = fitBounds(saved, screen.getAllDisplays().map((d) => d.workArea))
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Krev Studio',
    backgroundColor,
    ...(icon && process.platform !== 'darwin' ? { icon } : {}),
    titleBarStyle: process.platform === 'darwin' ? 'hiddenInset' : 'default',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      // Available to the page; whether it runs (and downloads dictionaries) is the session's
      // setting, which follows the user's choice (desktop/spellcheck.ts), off by default.
      spellcheck: true,
      // Middle-click must not open links in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick'
    }
  })
  hardenWebContents(win.webContents)
  if (bounds.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  // Save bounds when the user stops moving or resizing, not on every pixel.
  let timer: NodeJS.Timeout | undefined
  const persist = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (win.isDestroyed()) return
      const b = win.getNormalBounds()
      onBoundsChanged({ ...b, maximized: win.isMaximized() })
    }, 400)
  }
  win.on('resize', persist)
  win.on('move', persist)
  win.on('close', () => {
    clearTimeout(timer)
    onBoundsChanged({ ...win.getNormalBounds(), maximized: win.isMaximized() })
  })
  return win
}
