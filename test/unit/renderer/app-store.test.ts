import { beforeEach, describe, expect, it } from 'vitest'
import { initialAppState, MAX_NOTICES, noticeTimeoutMs, useAppStore } from '../../../src-renderer/src/stores/app'

beforeEach(() => useAppStore.setState(initialAppState))

describe('app store', () => {
  it('navigates, and a jump to an account section resets for a plain visit', () => {
    const s = useAppStore.getState()
    s.navigate('create')
    expect(useAppStore.getState().route).toBe('create')
    s.navigate('account', 'settings')
    expect(useAppStore.getState()).toMatchObject({ route: 'account', accountSection: 'settings', accountJump: 1 })
    s.navigate('account')
    expect(useAppStore.getState()).toMatchObject({ accountSection: 'overview', accountJump: 2 })
    s.navigate('library')
    expect(useAppStore.getState().accountSection).toBe('overview')
  })

  it('stacks notices, drops exact repeats and keeps the newest few', () => {
    const s = useAppStore.getState()
    const a = s.pushNotice({ level: 'info', message: 'one' })
    s.pushNotice({ level: 'info', message: 'one' })
    expect(useAppStore.getState().notices).toHaveLength(1)
    expect(useAppStore.getState().notices[0].id).not.toBe(a)
    for (let i = 0; i < 10; i++) s.pushNotice({ level: 'error', message: `e${i}`, detail: 'd' })
    const notices = useAppStore.getState().notices
    expect(notices).toHaveLength(MAX_NOTICES)
    expect(notices.at(-1)).toMatchObject({ message: 'e9', detail: 'd' })
    s.dismissNotice(notices[0].id)
    expect(useAppStore.getState().notices).toHaveLength(MAX_NOTICES - 1)
  })

  it('keeps errors until dismissed, others time out', () => {
    expect(noticeTimeoutMs('error')).toBeNull()
    expect(noticeTimeoutMs('info')).toBeGreaterThan(0)
    expect(noticeTimeoutMs('warning')).toBeGreaterThan(noticeTimeoutMs('success') ?? 0)
  })

  it('keeps the connection and the keychain banner dismissal', () => {
    const s = useAppStore.getState()
    s.setConnection({ mode: 'krev', label: 'Krev · app.krev.ai', online: false })
    s.dismissKeyBanner()
    expect(useAppStore.getState()).toMatchObject({ connection: { mode: 'krev', online: false }, keyBannerDismissed: true })
  })
})
