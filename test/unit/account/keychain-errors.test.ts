import { describe, expect, it } from 'vitest'
import { classifyKeychainError, LOCKED_MESSAGE, NO_KEYCHAIN_MESSAGE } from '../../../src-main/account/keychain-errors'

describe('keytar failure texts → keychain state', () => {
  // The Linux texts measured on Debian (shared/keyring-ci.md).
  it.each([
    ['no bus, no DISPLAY', 'Cannot autolaunch D-Bus without X11 $DISPLAY', 'unavailable'],
    [
      'bus, no secret service',
      'The name org.freedesktop.secrets was not provided by any .service files',
      'unavailable'
    ],
    [
      'keyring started but locked',
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
      'locked'
    ],
    ['locked collection', 'Cannot create an item in a locked collection', 'locked'],
    ['macOS interaction not allowed', 'User interaction is not allowed.', 'locked'],
    ['something else', 'Unexpected: the moon is full', 'error']
  ] as const)('%s → %s', (_label, text, state) => {
    const result = classifyKeychainError(new Error(text))
    expect(result.ok).toBe(false)
    expect(result.state).toBe(state)
    if (state === 'unavailable') expect(result.message).toBe(NO_KEYCHAIN_MESSAGE)
    if (state === 'locked') expect(result.message).toBe(LOCKED_MESSAGE)
    if (state === 'error') expect(result.message).toContain('the moon is full')
  })

  it('shortens long texts and strips control characters', () => {
    const result = classifyKeychainError(new Error(`weird\u0000${'x'.repeat(1000)}`))
    expect(result.message.length).toBeLessThan(300)
    expect(result.message).not.toContain('\u0000')
  })

  it('copes with non-Error throws', () => {
    expect(classifyKeychainError(undefined).state).toBe('error')
    expect(classifyKeychainError('Cannot autolaunch D-Bus without X11 $DISPLAY').state).toBe('unavailable')
  })
})
