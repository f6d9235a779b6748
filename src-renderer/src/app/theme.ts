import type { Settings } from '../../../src-preload/contract'
import { useSettingsStore } from '../stores/settings'

/** `null` follows the OS (`prefers-color-scheme`); otherwise the forced theme. */
export function themeAttribute(theme: Settings['theme'] | undefined): 'light' | 'dark' | null {
  return theme === 'light' || theme === 'dark' ? theme : null
}

export function applyTheme(theme: Settings['theme'] | undefined): void {
  if (typeof document === 'undefined') return
  const attr = themeAttribute(theme)
  const root = document.documentElement
  if (attr) root.dataset.theme = attr
  else delete root.dataset.theme
}

let stop: (() => void) | null = null

/** Keeps `<html data-theme>` in step with the `theme` setting. */
export function startThemeSync(): void {
  if (stop) return
  applyTheme(useSettingsStore.getState().settings?.theme)
  stop = useSettingsStore.subscribe((s, prev) => {
    if (s.settings?.theme !== prev.settings?.theme) applyTheme(s.settings?.theme)
  })
}
