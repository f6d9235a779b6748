import { create } from 'zustand'
import type { Connection, EventPayload } from '../../../src-preload/contract'

export type Route = 'products' | 'create' | 'queue' | 'library' | 'chat' | 'account'
export type AccountSection = 'overview' | 'key' | 'settings' | 'conversions'

export const ROUTES: readonly Route[] = ['products', 'create', 'queue', 'library', 'chat', 'account']

export type NoticeLevel = EventPayload<'app.notice'>['level']
export interface Notice {
  id: number
  level: NoticeLevel
  message: string
  detail?: string
}

/** How many toasts stay on screen; older ones give way. */
export const MAX_NOTICES = 4

export interface AppInfo {
  name: string
  version: string
  platform: string
}

interface AppState {
  /** `missing` when there is no `window.krev`: the app shows "not connected" instead of crashing. */
  bridge: 'unknown' | 'connected' | 'missing'
  booted: boolean
  info: AppInfo | null
  connection: Connection | null
  route: Route
  accountSection: AccountSection
  /** Bumped on every navigate-to-section, so asking twice scrolls twice. */
  accountJump: number
  notices: Notice[]
  nextNoticeId: number
  keyBannerDismissed: boolean

  setBridge(bridge: AppState['bridge']): void
  setBooted(booted: boolean): void
  setInfo(info: AppInfo): void
  setConnection(connection: Connection): void
  navigate(route: Route, section?: AccountSection): void
  pushNotice(notice: Omit<Notice, 'id'>): number
  dismissNotice(id: number): void
  dismissKeyBanner(): void
}

export const initialAppState = {
  bridge: 'unknown' as const,
  booted: false,
  info: null,
  connection: null,
  route: 'products' as Route,
  accountSection: 'overview' as AccountSection,
  accountJump: 0,
  notices: [] as Notice[],
  nextNoticeId: 1,
  keyBannerDismissed: false
}

export const useAppStore = create<AppState>()((set, get) => ({
  ...initialAppState,

  setBridge: (bridge) => set({ bridge }),
  setBooted: (booted) => set({ booted }),
  setInfo: (info) => set({ info }),
  setConnection: (connection) => set({ connection }),

  navigate: (route, section) =>
    set((s) =>
      route === 'account'
        ? { route, accountSection: section ?? 'overview', accountJump: s.accountJump + 1 }
        : { route }
    ),

  pushNotice: (notice) => {
    const id = get().nextNoticeId
    set((s) => {
      // The same message twice in a row is one toast, not a stack.
      const rest = s.notices.filter((n) => !(n.message === notice.message && n.level === notice.level))
      const item: Notice = { id, level: notice.level, message: notice.message }
      if (notice.detail) item.detail = notice.detail
      return { notices: [...rest, item].slice(-MAX_NOTICES), nextNoticeId: id + 1 }
    })
    return id
  },

  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  dismissKeyBanner: () => set({ keyBannerDismissed: true })
}))

/** How long a toast stays, by level; errors stay until dismissed. */
export function noticeTimeoutMs(level: NoticeLevel): number | null {
  switch (level) {
    case 'success':
    case 'info':
      return 5000
    case 'warning':
      return 9000
    case 'error':
      return null
  }
}
