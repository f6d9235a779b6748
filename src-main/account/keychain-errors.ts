import type { SecretFailure } from './secret-store'

/**
 * Turning what keytar (libsecret, macOS Keychain, Windows Credential Manager) says when it
 * fails into a state and a sentence. The Linux texts are the ones measured on Debian
 * (see shared/keyring-ci.md); the others come from the platforms' documented errors.
 */

export const NO_KEYCHAIN_MESSAGE =
  'No keychain service is running. On Linux install and unlock gnome-keyring or KWallet.'
export const LOCKED_MESSAGE =
  'Your keychain is locked. Unlock it (log in to your desktop session or open your password manager) and try again.'
export const MODULE_MESSAGE =
  'The keychain module could not be loaded on this system, so the keychain cannot be used.'

export const timeoutMessage = (ms: number): string =>
  `The keychain did not answer within ${Math.round(ms / 100) / 10} s. It is probably locked and waiting ` +
  'for a password prompt. Unlock it and try again.'

const UNAVAILABLE = [
  /Cannot autolaunch D-Bus/i,
  /was not provided by any \.service files/i,
  /org\.freedesktop\.DBus\.Error\.ServiceUnknown/i,
  /Failed to execute child process .*dbus-launch/i,
  /Could not connect: No such file or directory/i,
  /Unable to autolaunch a dbus-daemon/i,
  /No such secret collection/i
]

const LOCKED = [
  /Object does not exist at path .*\/collection\//i,
  /Cannot create an item in a locked collection/i,
  /is locked/i,
  /User interaction is not allowed/i, // macOS errSecInteractionNotAllowed
  /user name or passphrase you entered is not correct/i, // macOS errSecAuthFailed
  /Prompt dismissed/i,
  /The user canceled the operation/i
]

const MAX_DETAIL = 160

function failureText(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : ''
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  return clean.length > MAX_DETAIL ? `${clean.slice(0, MAX_DETAIL)}…` : clean
}

export function classifyKeychainError(error: unknown): SecretFailure {
  const text = failureText(error)
  if (UNAVAILABLE.some((re) => re.test(text))) return { ok: false, state: 'unavailable', message: NO_KEYCHAIN_MESSAGE }
  if (LOCKED.some((re) => re.test(text))) return { ok: false, state: 'locked', message: LOCKED_MESSAGE }
  return {
    ok: false,
    state: 'error',
    message: `The keychain reported an error${text ? `: ${text}` : ''}. Try again, or restart your keychain service.`
  }
}
