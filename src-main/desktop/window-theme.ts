import { nativeTheme, type BrowserWindow } from 'electron'
import type { SettingsService } from '../settings/settings-service'
import { windowBackground } from './window-background'

/**
 * Also sets nativeTheme.themeSource, so native menus and dialogs follow the forced theme. Only
 * when it differs: setting it emits nativeTheme 'updated', which calls back in here.
 */
export function currentBackground(settings: SettingsService): string {
  const theme = settings.get().theme
  if (nativeTheme.themeSource !== theme) nativeTheme.themeSource = theme
  return windowBackground(theme, nativeTheme.shouldUseDarkColors)
}

/** Keeps the window's background in step with the OS scheme and the theme setting. */
export function followTheme(getWindow: () => BrowserWindow | null, settings: SettingsService): () => void {
  const apply = () => {
    const win = getWindow()
    const color = currentBackground(settings)
    if (win && !win.isDestroyed()) win.setBackgroundColor(color)
  }
  nativeTheme.on('updated', apply)
  const stop = settings.onChange((next, previous) => {
    if (next.theme !== previous.theme) apply()
  })
  return () => {
    nativeTheme.off('updated', apply)
    stop()
  }
}
