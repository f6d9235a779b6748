import { Suspense, useEffect, useMemo } from 'react'
import { preloadScreens, screenFor } from '../../app/screens'
import { ScreenLoading } from '../../components/Screen'
import { ROUTES, useAppStore } from '../../stores/app'
import { ReviewLayer } from '../library/ReviewLayer'
import { KeychainBanner } from './KeychainBanner'
import { Notices } from './Notices'
import { Sidebar } from './Sidebar'
import { TopBar } from './TopBar'

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

/** After the first paint (two frames in), fetch every screen so each first visit is instant. */
function usePreloadScreens() {
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => void preloadScreens())
    })
    return () => cancelAnimationFrame(frame)
  }, [])
}

export function Shell() {
  const route = useAppStore((s) => s.route)
  // Chosen once per route: swapping the lazy stand-in for the loaded component while the
  // screen is showing would remount it and lose its state.
  const Screen = useMemo(() => screenFor(route), [route])
  useNavShortcuts()
  usePreloadScreens()
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
      <ReviewLayer />
      <Notices />
    </div>
  )
}
