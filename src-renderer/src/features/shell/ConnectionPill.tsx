import { Icon } from '../../components/Icon'
import { useAppStore } from '../../stores/app'

/** Where requests go: the built-in sandbox or the real Krev API. */
export function ConnectionPill() {
  const connection = useAppStore((s) => s.connection)
  if (!connection) return null
  const tone = !connection.online ? 'offline' : connection.mode
  return (
    <span className={`pill pill-${tone}`} title={connection.online ? 'Connected' : 'Offline — jobs wait until you are back online'}>
      <Icon name={connection.mode === 'sandbox' ? 'flask' : 'cloud'} size={14} />
      <span className="pill-label">{connection.label}</span>
      {!connection.online ? <span className="pill-state">Offline</span> : <span className="pill-dot" aria-hidden="true" />}
    </span>
  )
}
