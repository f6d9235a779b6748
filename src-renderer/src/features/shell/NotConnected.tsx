import { Icon } from '../../components/Icon'
import { Wordmark } from './Wordmark'

/** Shown when there is no `window.krev`: the page was opened outside Krev Studio. */
export function NotConnected() {
  return (
    <main className="standalone">
      <div className="standalone-card" role="alert">
        <Wordmark />
        <span className="standalone-icon" aria-hidden="true">
          <Icon name="plug" size={24} />
        </span>
        <h1>Not connected to Krev Studio</h1>
        <p>
          This window can’t reach the Krev Studio app, so it can’t show your account, products or library. Open Krev
          Studio from your Applications folder or Start menu, or restart it if it is already running.
        </p>
      </div>
    </main>
  )
}
