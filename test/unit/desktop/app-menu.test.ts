import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { buildAppMenuTemplate, HELP_LINKS, type AppMenuInput } from '../../../src-main/desktop/app-menu'

// The template's item type, without importing electron (lint: only adapters may).
type MenuItemConstructorOptions = ReturnType<typeof buildAppMenuTemplate>[number]

/** Electron's own role union, read from the installed typings so the list is never hand-written. */
function electronMenuRoles(): Set<string> {
  const dts = readFileSync(join(process.cwd(), 'node_modules/electron/electron.d.ts'), 'utf8')
  const body = /interface MenuItemConstructorOptions \{[\s\S]*?\n {4}role\?: \(([^)]*)\);/.exec(dts)?.[1]
  if (!body) throw new Error('role union not found in electron.d.ts')
  return new Set([...body.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]!))
}

function input(overrides: Partial<AppMenuInput> = {}): AppMenuInput {
  return {
    platform: 'linux',
    isDev: false,
    appName: 'Krev Studio',
    links: HELP_LINKS,
    openLink: vi.fn(),
    showLogs: vi.fn(),
    ...overrides
  }
}

function all(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu) : [])])
}
const roles = (items: MenuItemConstructorOptions[] | undefined): string[] =>
  (items ?? []).flatMap((i) => (i.role ? [i.role] : []))
const submenu = (t: MenuItemConstructorOptions[], key: string): MenuItemConstructorOptions[] => {
  const top = t.find((i) => i.label === key || i.role === key)
  if (!top || !Array.isArray(top.submenu)) throw new Error(`no ${key} menu`)
  return top.submenu
}

const PLATFORMS = ['darwin', 'win32', 'linux'] as const

describe('application menu', () => {
  it('reads a plausible role list from electron.d.ts', () => {
    const known = electronMenuRoles()
    expect(known.has('pasteAndMatchStyle')).toBe(true)
    expect(known.has('toggleDevTools')).toBe(true)
    expect(known.has('notARole')).toBe(false)
  })

  for (const platform of PLATFORMS) {
    for (const isDev of [true, false]) {
      it(`${platform}${isDev ? ' dev' : ''}: uses only real Electron roles`, () => {
        const known = electronMenuRoles()
        const used = roles(all(buildAppMenuTemplate(input({ platform, isDev }))))
        expect(used.length).toBeGreaterThan(10)
        expect(used.filter((r) => !known.has(r))).toEqual([])
      })
    }

    it(`${platform}: Edit carries every text-editing role`, () => {
      expect(roles(submenu(buildAppMenuTemplate(input({ platform })), 'Edit'))).toEqual(
        expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll'])
      )
    })

    it(`${platform}: View has reload/forceReload/toggleDevTools only in dev`, () => {
      const devOnly = ['reload', 'forceReload', 'toggleDevTools']
      const dev = roles(submenu(buildAppMenuTemplate(input({ platform, isDev: true })), 'View'))
      const prod = all(buildAppMenuTemplate(input({ platform, isDev: false })))
      expect(dev).toEqual(expect.arrayContaining(devOnly))
      // Nowhere in the packaged menu, not only not under View.
      expect(roles(prod).filter((r) => devOnly.includes(r))).toEqual([])
    })

    it(`${platform}: exactly one Quit`, () => {
      expect(roles(all(buildAppMenuTemplate(input({ platform })))).filter((r) => r === 'quit')).toHaveLength(1)
    })
  }

  it('macOS has the app menu with about/services/hide/hideOthers/unhide/quit', () => {
    const t = buildAppMenuTemplate(input({ platform: 'darwin' }))
    expect(t[0]?.label).toBe('Krev Studio')
    expect(roles(submenu(t, 'Krev Studio'))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'])
  })

  it('Windows and Linux have no app menu and put Quit under File', () => {
    for (const platform of ['win32', 'linux']) {
      const t = buildAppMenuTemplate(input({ platform }))
      expect(t.map((i) => i.label ?? i.role)).not.toContain('Krev Studio')
      expect(roles(all(t))).not.toContain('about')
      expect(roles(submenu(t, 'File'))).toContain('quit')
    }
  })

  it('Help lists allow-listed links only and opens them; a foreign link is dropped', () => {
    const openLink = vi.fn()
    const links = [
      { label: 'Docs', url: 'https://docs.krev.ai/' },
      { label: 'Evil', url: 'https://evil.example/' },
      { label: 'Plain http', url: 'http://docs.krev.ai/' },
      { label: 'Look-alike', url: 'https://docs.krev.ai.evil.example/' }
    ]
    const help = submenu(buildAppMenuTemplate(input({ links, openLink })), 'help')
    const labels = help.map((i) => i.label).filter(Boolean)
    expect(labels).toEqual(['Docs', 'Show Logs'])
    const docs = help.find((i) => i.label === 'Docs')!
    docs.click!({} as never, undefined, {} as never)
    expect(openLink).toHaveBeenCalledWith('https://docs.krev.ai/')
    expect(JSON.stringify(help.map((i) => i.label))).not.toContain('Evil')
  })

  it('the shipped help links are all on the allow-list', () => {
    const help = submenu(buildAppMenuTemplate(input()), 'help')
    expect(help.filter((i) => i.click && i.label !== 'Show Logs')).toHaveLength(HELP_LINKS.length)
  })

  it('with no allowed link, Help holds just Show Logs (no dangling separator)', () => {
    const help = submenu(buildAppMenuTemplate(input({ links: [{ label: 'Evil', url: 'https://evil.example/' }] })), 'help')
    expect(help.map((i) => i.type ?? i.label)).toEqual(['Show Logs'])
  })

  it('"Show Logs" calls showLogs and nothing else', () => {
    const showLogs = vi.fn()
    const openLink = vi.fn()
    const help = submenu(buildAppMenuTemplate(input({ showLogs, openLink })), 'help')
    help.find((i) => i.label === 'Show Logs')!.click!({} as never, undefined, {} as never)
    expect(showLogs).toHaveBeenCalledTimes(1)
    expect(openLink).not.toHaveBeenCalled()
  })
})
