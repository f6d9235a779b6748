import { lazy, Suspense } from 'react'
import { NotConnected } from '../features/shell/NotConnected'
import { Shell } from '../features/shell/Shell'
import { showWelcome, useAccountStore } from '../stores/account'
import { useAppStore } from '../stores/app'

const Welcome = lazy(() => import('../features/welcome/Welcome'))

function Splash() {
  return (
    <div className="splash" role="status" aria-live="polite">
      <span className="splash-mark" aria-hidden="true" />
      <span className="sr-only">Starting Krev Studio…</span>
    </div>
  )
}

export function App() {
  const bridge = useAppStore((s) => s.bridge)
  const booted = useAppStore((s) => s.booted)
  const welcome = useAccountStore((s) => showWelcome(s.status, s.welcomeDone))
  if (bridge === 'missing') return <NotConnected />
  if (!booted) return <Splash />
  if (welcome)
    return (
      <Suspense fallback={<Splash />}>
        <Welcome />
      </Suspense>
    )
  return <Shell />
}
