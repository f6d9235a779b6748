// Menu and MenuItem. buildFromTemplate validates like Electron ("Invalid template for
// MenuItem: must have at least one of label, role or type"); roles must be ones Electron
// knows (docs, api/menu-item.md "roles"; matched case-insensitively like Electron).
// setApplicationMenu is only accepted after 'ready' (this project's rule for the double).
import { record, requireReady, violate } from './record'

const ROLES = [
  'undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll', 'reload', 'forceReload',
  'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'toggleSpellChecker', 'togglefullscreen', 'window', 'minimize',
  'close', 'help', 'about', 'services', 'hide', 'hideOthers', 'unhide', 'quit', 'showSubstitutions', 'toggleSmartQuotes',
  'toggleSmartDashes', 'toggleTextReplacement', 'startSpeaking', 'stopSpeaking', 'zoom', 'front', 'appMenu', 'fileMenu',
  'editMenu', 'viewMenu', 'shareMenu', 'recentDocuments', 'toggleTabBar', 'selectNextTab', 'selectPreviousTab',
  'showAllTabs', 'mergeAllWindows', 'clearRecentDocuments', 'moveTabToNewWindow', 'windowMenu', 'print'
].map((r) => r.toLowerCase())

export interface MenuItemOptions {
  label?: string
  role?: string
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio' | 'header' | 'palette'
  submenu?: MenuItemOptions[] | Menu
  click?: (...args: unknown[]) => void
  accelerator?: string
  enabled?: boolean
  visible?: boolean
  checked?: boolean
  id?: string
  sublabel?: string
  toolTip?: string
  registerAccelerator?: boolean
}

export class MenuItem {
  readonly label: string
  readonly role: string | undefined
  readonly type: string
  readonly submenu: Menu | undefined
  readonly click: ((...args: unknown[]) => void) | undefined
  readonly accelerator: string | undefined
  readonly id: string | undefined
  enabled: boolean
  visible: boolean
  checked: boolean

  constructor(options: MenuItemOptions) {
    if (!options.label && !options.role && !options.type && !options.submenu) {
      violate('Invalid template for MenuItem: must have at least one of label, role or type')
    }
    if (options.role && !ROLES.includes(options.role.toLowerCase())) violate(`Invalid role for MenuItem: ${options.role}`)
    if (options.click !== undefined && typeof options.click !== 'function') violate('MenuItem click must be a function')
    this.label = options.label ?? ''
    this.role = options.role
    this.submenu = options.submenu instanceof Menu ? options.submenu : options.submenu ? Menu.buildFromTemplate(options.submenu) : undefined
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal')
    this.click = options.click
    this.accelerator = options.accelerator
    this.id = options.id
    this.enabled = options.enabled ?? true
    this.visible = options.visible ?? true
    this.checked = options.checked ?? false
  }
}

export interface SerializedMenuItem {
  label: string
  role?: string
  type: string
  accelerator?: string
  id?: string
  enabled: boolean
  visible: boolean
  hasClick: boolean
  submenu?: SerializedMenuItem[]
}

let applicationMenu: Menu | null = null

export class Menu {
  readonly items: MenuItem[] = []
  popups: Array<{ options: unknown }> = []

  static buildFromTemplate(template: Array<MenuItemOptions | MenuItem>): Menu {
    if (!Array.isArray(template)) violate('Invalid template for Menu: Menu template must be an array', TypeError)
    const menu = new Menu()
    for (const item of template) menu.append(item instanceof MenuItem ? item : new MenuItem(item))
    return menu
  }

  static setApplicationMenu(menu: Menu | null): void {
    record('Menu.setApplicationMenu', { items: menu ? menu.items.length : null })
    requireReady('Menu.setApplicationMenu')
    applicationMenu = menu
  }

  static getApplicationMenu(): Menu | null {
    return applicationMenu
  }

  static sendActionToFirstResponder(action: string): void {
    record('Menu.sendActionToFirstResponder', { action })
  }

  append(item: MenuItem): void {
    this.items.push(item)
  }

  insert(pos: number, item: MenuItem): void {
    this.items.splice(pos, 0, item)
  }

  getMenuItemById(id: string): MenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item
      const inner = item.submenu?.getMenuItemById(id)
      if (inner) return inner
    }
    return null
  }

  popup(options: unknown = {}): void {
    record('Menu.popup')
    requireReady('Menu.popup')
    this.popups.push({ options: typeof options === 'object' ? { ...(options as object), window: undefined } : null })
  }

  closePopup(): void {
    record('Menu.closePopup')
  }

  serialize(): SerializedMenuItem[] {
    return this.items.map((i) => ({
      label: i.label,
      type: i.type,
      enabled: i.enabled,
      visible: i.visible,
      hasClick: typeof i.click === 'function',
      ...(i.role ? { role: i.role } : {}),
      ...(i.accelerator ? { accelerator: i.accelerator } : {}),
      ...(i.id ? { id: i.id } : {}),
      ...(i.submenu ? { submenu: i.submenu.serialize() } : {})
    }))
  }
}
