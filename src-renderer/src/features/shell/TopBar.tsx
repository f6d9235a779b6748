import { ROUTE_META } from '../../app/routes'
import { useAppStore } from '../../stores/app'
import { ConnectionPill } from './ConnectionPill'
import { CreditsChip } from './CreditsChip'

export function TopBar() {
  const route = useAppStore((s) => s.route)
  const meta = ROUTE_META[route]
  return (
    <header className="topbar">
      <div className="topbar-title">
        <h1>{meta.label}</h1>
        <p className="topbar-sub">{meta.subtitle}</p>
      </div>
      <div className="topbar-status">
        <ConnectionPill />
        <CreditsChip />
      </div>
    </header>
  )
}
