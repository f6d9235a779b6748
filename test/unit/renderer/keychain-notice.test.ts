import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eventHandlers } from '../../../src-renderer/src/app/wire-events'
import { useAccountStore } from '../../../src-renderer/src/stores/account'
import { initialAppState, useAppStore } from '../../../src-renderer/src/stores/app'
import { status } from './fixtures'

// Without a keychain the line under the top bar explains it once; main's matching
// app.notice (sent on a key save) must not repeat it as a toast.

const UNAVAILABLE = 'No keychain service is running. On Linux install and unlock gnome-keyring or KWallet.'
const SESSION_ONLY = `${UNAVAILABLE} Your API key is kept for this session only.`

beforeEach(() => useAppStore.setState(initialAppState))
afterEach(() => useAccountStore.setState({ status: null }))

const messages = () => useAppStore.getState().notices.map((n) => n.message)

describe('the keychain notice', () => {
  it('is not a toast while the keychain line shows it, even with a sentence added by a save', () => {
    useAccountStore.getState().setStatus(
      status({ key: { configured: false, last4: null, backend: 'memory', state: 'unavailable', verified: false, message: UNAVAILABLE } })
    )
    eventHandlers['app.notice']({ level: 'warning', message: SESSION_ONLY })
    eventHandlers['app.notice']({ level: 'warning', message: UNAVAILABLE })
    expect(messages()).toEqual([])
  })

  it('other notices still become toasts', () => {
    useAccountStore.getState().setStatus(
      status({ key: { configured: false, last4: null, backend: 'memory', state: 'unavailable', verified: false, message: UNAVAILABLE } })
    )
    eventHandlers['app.notice']({ level: 'success', message: 'Exported to /tmp/Library' })
    expect(messages()).toEqual(['Exported to /tmp/Library'])
  })

  it('with a working keychain the same text is shown as a toast (no line says it)', () => {
    useAccountStore.getState().setStatus(status({ key: { configured: true, last4: 'abcd', backend: 'keychain', state: 'available', verified: true } }))
    eventHandlers['app.notice']({ level: 'warning', message: UNAVAILABLE })
    expect(messages()).toEqual([UNAVAILABLE])
  })
})
