import { useState } from 'react'
import type { KeyStatus } from '../../../../src-preload/contract'
import { Badge } from '../../components/Badge'
import { Button } from '../../components/Button'
import { Callout } from '../../components/Callout'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon } from '../../components/Icon'
import { useAccountStore } from '../../stores/account'
import { useAppStore } from '../../stores/app'
import { KeyForm } from './KeyForm'
import { openKeysDashboard } from './open-dashboard'

const BACKEND: Record<string, string> = {
  keychain: 'System keychain',
  memory: 'This session only',
  none: 'Not stored'
}
const STATE: Record<string, string> = {
  available: 'Keychain available',
  locked: 'Keychain locked',
  unavailable: 'Keychain unavailable',
  error: 'Keychain error'
}

function keyHint(key: KeyStatus | undefined): string | undefined {
  const kept = key && key.state !== 'available' ? ' It will be kept for this session only.' : ''
  if (key?.configured) return `Saving a new key replaces the current one.${kept}`
  return kept ? `Starts with sk_live_.${kept}` : undefined
}

export function KeySection() {
  const status = useAccountStore((s) => s.status)
  const busy = useAccountStore((s) => s.busy)
  const removeKey = useAccountStore((s) => s.removeKey)
  const useSandbox = useAccountStore((s) => s.useSandbox)
  const useKrev = useAccountStore((s) => s.useKrev)
  const confirmApiBase = useAccountStore((s) => s.confirmApiBase)
  const [error, setError] = useState<string | null>(null)

  const appMode = useAppStore((s) => s.connection?.mode)
  const key = status?.key
  const mode = status?.connection.mode ?? appMode
  const run = async (fn: () => Promise<{ message: string } | null>) => {
    setError(null)
    const failure = await fn()
    if (failure) setError(failure.message)
  }

  return (
    <section className="acct-section" id="account-key">
      <div className="acct-section-head">
        <h2>API key</h2>
        <button type="button" className="link" onClick={() => void openKeysDashboard()}>
          Manage keys in the Krev dashboard
          <Icon name="external" size={12} />
        </button>
      </div>

      <div className="card card-stack">
        <div className="key-status">
          <span className={key?.configured ? 'acct-card-icon key-icon is-set' : 'acct-card-icon key-icon'} aria-hidden="true">
            <Icon name="key" size={18} />
          </span>
          <div className="key-status-text">
            <p className="key-status-title">
              {key?.configured ? (
                <>
                  Key saved <span className="key-mask">•••• {key.last4 ?? '····'}</span>
                </>
              ) : (
                'No key saved'
              )}
            </p>
            <p className="key-status-sub">
              {key ? `${BACKEND[key.backend] ?? key.backend} · ${STATE[key.state] ?? key.state}` : 'Status unknown'}
            </p>
          </div>
          <div className="key-badges">
            {key?.configured ? (
              key.verified ? (
                <Badge tone="success" icon="check">
                  Verified
                </Badge>
              ) : (
                <Badge tone="warning">Not verified</Badge>
              )
            ) : null}
            {key?.backend === 'keychain' ? (
              <Badge tone="neutral" icon="lock">
                Encrypted
              </Badge>
            ) : null}
          </div>
        </div>

        {key?.needsConfirmation ? (
          <Callout tone="warning" role="status">
            Your key was checked with {key.needsConfirmation.boundHost ?? 'another Krev address'}, not with{' '}
            <strong>{key.needsConfirmation.host}</strong>. It is not sent there until you enter it again below or confirm
            the new address.{' '}
            <Button size="sm" loading={busy === 'confirmApiBase'} onClick={() => void run(confirmApiBase)}>
              Confirm {key.needsConfirmation.host}…
            </Button>
          </Callout>
        ) : null}

        <KeyForm hint={keyHint(key)} />

        <div className="key-footer">
          <div className="mode-switch">
            <span className="mode-label">
              Requests go to <strong>{mode === 'krev' ? 'the Krev API' : mode === 'sandbox' ? 'the sandbox' : '…'}</strong>
            </span>
            {mode === 'krev' ? (
              <Button size="sm" icon="flask" loading={busy === 'sandbox'} onClick={() => void run(useSandbox)}>
                Switch to sandbox
              </Button>
            ) : (
              <Button
                size="sm"
                icon="cloud"
                loading={busy === 'krev'}
                disabled={!key?.configured}
                title={key?.configured ? undefined : 'Save a key first'}
                onClick={() => void run(useKrev)}
              >
                Switch to Krev API
              </Button>
            )}
          </div>
          {key?.configured ? (
            <Button size="sm" variant="danger" icon="trash" loading={busy === 'removeKey'} onClick={() => void run(removeKey)}>
              Remove key
            </Button>
          ) : null}
        </div>
      </div>
      <ErrorAlert error={error} />
    </section>
  )
}
