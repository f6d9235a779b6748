import { useState } from 'react'
import { Button } from '../../components/Button'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon, type IconName } from '../../components/Icon'
import { useAccountStore } from '../../stores/account'
import { KeyForm } from '../account/KeyForm'
import { openKeysDashboard } from '../account/open-dashboard'
import { Wordmark } from '../shell/Wordmark'
import { WelcomeArt } from './WelcomeArt'

const POINTS: ReadonlyArray<{ icon: IconName; title: string; body: string }> = [
  { icon: 'products', title: 'Drop in product photos', body: 'Backgrounds removed, names and details filled in.' },
  { icon: 'sparkles', title: 'Generate studio shots, videos and ads', body: 'See the cost before you spend a credit.' },
  { icon: 'library', title: 'Keep everything on this computer', body: 'A local library you can search, rate and export.' }
]

/** First run: explore with the sandbox, or connect a real Krev key. */
export default function Welcome() {
  const useSandbox = useAccountStore((s) => s.useSandbox)
  const sandboxBusy = useAccountStore((s) => s.busy === 'sandbox')
  const [showKey, setShowKey] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const explore = async () => {
    setError(null)
    const failure = await useSandbox()
    if (failure) setError(failure.message)
  }

  return (
    <main className="welcome">
      <div className="welcome-grid">
        <section className="welcome-intro">
          <Wordmark />
          <WelcomeArt />
          <h1 className="welcome-title">Product shots, videos and ads — from the photos you already have.</h1>
          <ul className="welcome-points">
            {POINTS.map((p) => (
              <li key={p.title}>
                <span className="welcome-point-icon" aria-hidden="true">
                  <Icon name={p.icon} size={16} />
                </span>
                <span>
                  <strong>{p.title}</strong>
                  <span>{p.body}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>

        <section className="welcome-card" aria-labelledby="welcome-start">
          <h2 id="welcome-start" className="welcome-card-title">
            How would you like to start?
          </h2>
          <div className="welcome-option welcome-option-primary">
            <p className="welcome-option-text">
              Try every screen with sample results. No key, no network, no credits spent — switch to Krev whenever you
              like.
            </p>
            <Button variant="primary" size="lg" icon="flask" loading={sandboxBusy} onClick={explore}>
              Explore with the built-in sandbox
            </Button>
          </div>

          <div className="welcome-divider" aria-hidden="true">
            <span>or</span>
          </div>

          <div className="welcome-option">
            <p className="welcome-option-text">
              Connect your Krev account to generate for real. Credits come from your Krev plan.
            </p>
            {showKey ? (
              <div className="welcome-key">
                <KeyForm fromWelcome autoFocus />
                <button type="button" className="link" onClick={() => void openKeysDashboard()}>
                  Get a key from the Krev dashboard
                  <Icon name="external" size={12} />
                </button>
              </div>
            ) : (
              <Button size="lg" icon="key" onClick={() => setShowKey(true)}>
                Use my Krev API key
              </Button>
            )}
          </div>
          <ErrorAlert error={error} />
        </section>
      </div>
    </main>
  )
}
