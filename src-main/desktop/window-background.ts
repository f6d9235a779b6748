/**
 * The window's own background, painted before the page and behind it while resizing: it must
 * match the page's --bg token (src-renderer/src/styles/tokens.css) for the theme in force, or a
 * light-mode user sees a dark flash at every start.
 */
export const WINDOW_BACKGROUND = { light: '#f4f4f6', dark: '#0d0d10' } as const

type Theme = 'system' | 'light' | 'dark'

export function windowBackground(theme: Theme, systemDark: boolean): string {
  const dark = theme === 'dark' || (theme === 'system' && systemDark)
  return dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light
}
