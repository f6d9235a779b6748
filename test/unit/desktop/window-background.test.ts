import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WINDOW_BACKGROUND, windowBackground } from '../../../src-main/desktop/window-background'

const tokens = readFileSync(resolve(import.meta.dirname, '../../../src-renderer/src/styles/tokens.css'), 'utf8')

describe('the window background', () => {
  it("is the page's own --bg token in each theme, so no flash shows before the page paints", () => {
    const m = /--bg:\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/i.exec(tokens)
    expect(m, '--bg in tokens.css').not.toBeNull()
    expect(WINDOW_BACKGROUND).toEqual({ light: m![1]!.toLowerCase(), dark: m![2]!.toLowerCase() })
  })

  it('follows a forced theme, else the OS scheme', () => {
    expect(windowBackground('light', true)).toBe(WINDOW_BACKGROUND.light)
    expect(windowBackground('dark', false)).toBe(WINDOW_BACKGROUND.dark)
    expect(windowBackground('system', true)).toBe(WINDOW_BACKGROUND.dark)
    expect(windowBackground('system', false)).toBe(WINDOW_BACKGROUND.light)
  })
})
