import { Icon } from '../../components/Icon'
import { PRIMARY_ROUTES, ROUTE_META } from '../../app/routes'
import { useAppStore, type Route } from '../../stores/app'
import { activeCount, useQueueStore } from '../../stores/queue'
import { Wordmark } from './Wordmark'

function NavButton({ route, active, badge }: { route: Route; active: boolean; badge?: number }) {
  const navigate = useAppStore((s) => s.navigate)
  const meta = ROUTE_META[route]
  return (
    <button
      type="button"
      className="nav-btn"
      aria-current={active ? 'page' : undefined}
      title={meta.label}
      onClick={() => navigate(route)}
    >
      <Icon name={meta.icon} size={18} className="nav-icon" />
      <span className="nav-label">{meta.label}</span>
      {badge ? (
        <span className="nav-badge" aria-hidden="true">
          {badge > 99 ? '99+' : badge}
        </span>
      ) : null}
    </button>
  )
}

export function Sidebar() {
  const route = useAppStore((s) => s.route)
  const version = useAppStore((s) => s.info?.version)
  const queued = useQueueStore((s) => activeCount(s.jobs))
  return (
    <aside className="sidebar">
      <Wordmark />
      <nav className="nav" aria-label="Main">
        <ul className="nav-list">
          {PRIMARY_ROUTES.map((r) => (
            <li key={r}>
              <NavButton route={r} active={route === r} badge={r === 'queue' ? queued : undefined} />
            </li>
          ))}
        </ul>
        <ul className="nav-list nav-list-bottom">
          <li>
            <NavButton route="account" active={route === 'account'} />
          </li>
        </ul>
      </nav>
      {version ? <p className="sidebar-version">v{version}</p> : null}
    </aside>
  )
}
