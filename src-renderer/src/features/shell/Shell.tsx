import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react'
import { ScreenLoading } from '../../components/Screen'
import { ROUTES, useAppStore, type Route } from '../../stores/app'
import { KeychainBanner } from './KeychainBanner'
import { Notices } from './Notices'
import { Sidebar } from './Sidebar'
import { TopBar } from './TopBar'

const SCREENS: Record<Route, LazyExoticComponent<ComponentType>> = {
  products: lazy(() => import('../products/ProductsScreen')),
  create: lazy(() => import('../create/CreateScreen')),
  queue: lazy(() => import('../queue/QueueScreen')),
  library: lazy(() => import('../library/LibraryScreen')),
  chat: lazy(() => import('../chat/ChatScreen')),
  account: lazy(() => import('../account/AccountScreen'))
}

/** ⌘1–⌘6 (Ctrl on Windows and Linux) jump between screens. */
function useNavShortcuts() {
  const navigate = useAppStore((s) => s.navigate)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.metaKey || e.ctrlKey) || e.altKey || e.shiftKey) return
      const i = Number(e.key) - 1
      if (Number.isInteger(i) && i >= 0 && i < ROUTES.length) {
        e.preventDefault()
        navigate(ROUTES[i])
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate])
}

export function Shell() {
  const route = useAppStore((s) => s.route)
  const Screen = SCREENS[route]
  useNavShortcuts()
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar />
      <main className="main" id="main" tabIndex={-1}>
        <TopBar />
        <KeychainBanner />
        <Suspense fallback={<ScreenLoading />}>
          <Screen key={route} />
        </Suspense>
      </main>
      <Notices />
    </div>
  )
}
