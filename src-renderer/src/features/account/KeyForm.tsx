import { useState, type FormEvent } from 'react'
import { Button } from '../../components/Button'
import { Field } from '../../components/Field'
import { useAccountStore } from '../../stores/account'

export interface KeyFormProps {
  /** Saving from the welcome screen also leaves it. */
  fromWelcome?: boolean
  autoFocus?: boolean
  onSaved?(): void
  hint?: string
}

/** A password field for the API key: the key goes to main and is never shown again. */
export function KeyForm({ fromWelcome = false, autoFocus = false, onSaved, hint }: KeyFormProps) {
  const saveKey = useAccountStore((s) => s.saveKey)
  const busy = useAccountStore((s) => s.busy === 'saveKey')
  const [key, setKey] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    const failure = await saveKey(key, { fromWelcome })
    if (failure) {
      setError(failure.message)
      return
    }
    setKey('')
    onSaved?.()
  }

  return (
    <form className="key-form" onSubmit={submit} noValidate>
      <Field
        label="API key"
        error={error}
        hint={hint ?? 'Starts with sk_live_. Stored in your system keychain, never shown again.'}
      >
        {(p) => (
          <input
            {...p}
            className="input input-mono"
            type="password"
            name="krev-api-key"
            autoComplete="off"
            spellCheck={false}
            placeholder="sk_live_…"
            autoFocus={autoFocus}
            value={key}
            maxLength={256}
            onChange={(e) => {
              setKey(e.target.value)
              if (error) setError(null)
            }}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" loading={busy} disabled={!key.trim()}>
        Save key
      </Button>
    </form>
  )
}
