import { beforeEach, describe, expect, it, vi } from 'vitest'

// harden-web-contents imports `shell` from electron; the binary is not installed, so a stand-in.
vi.mock('electron', () => ({ shell: { openExternal: vi.fn() } }))

const { isPermissionAllowed, hardenSession } = await import('../../../src-main/window/harden-web-contents')
const { configureTrustedOrigins } = await import('../../../src-main/window/trusted-origin')

const OUR_PAGE = 'file:///opt/Krev%20Studio/resources/out/renderer/index.html'
const DEV_PAGE = 'http://localhost:5173/index.html'

describe('permissions', () => {
  beforeEach(() => {
    configureTrustedOrigins({ rendererIndexFile: '/opt/Krev Studio/resources/out/renderer/index.html' })
  })

  it('grants fullscreen to our own page', () => {
    expect(isPermissionAllowed('fullscreen', OUR_PAGE)).toBe(true)
    expect(isPermissionAllowed('fullscreen', `${OUR_PAGE}#/library`)).toBe(true)
  })

  it('grants fullscreen to the dev server only when it is configured', () => {
    expect(isPermissionAllowed('fullscreen', DEV_PAGE)).toBe(false)
    configureTrustedOrigins({ devServerUrl: 'http://localhost:5173/', rendererIndexFile: '/app/out/renderer/index.html' })
    expect(isPermissionAllowed('fullscreen', DEV_PAGE)).toBe(true)
    expect(isPermissionAllowed('fullscreen', 'http://localhost:5174/')).toBe(false)
  })

  it('denies fullscreen to any other origin, or with no requesting URL', () => {
    for (const url of ['https://evil.example/', 'https://app.krev.ai/', 'file:///etc/passwd', 'not a url', '', undefined]) {
      expect(isPermissionAllowed('fullscreen', url), String(url)).toBe(false)
    }
  })

  it('denies every other permission even to our own page', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'midi',
      'midiSysex',
      'pointerLock',
      'openExternal',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'window-management',
      'FULLSCREEN',
      ''
    ]) {
      expect(isPermissionAllowed(permission, OUR_PAGE), permission).toBe(false)
    }
  })

  it('hardenSession routes both Electron handlers through the same decision', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {}
    const session = {
      setPermissionRequestHandler: (fn: never) => (handlers['request'] = fn),
      setPermissionCheckHandler: (fn: never) => (handlers['check'] = fn),
      setDevicePermissionHandler: (fn: never) => (handlers['device'] = fn),
      on: (event: string, fn: never) => (handlers[event] = fn)
    }
    hardenSession(session as never)

    const request = handlers['request'] as unknown as (wc: unknown, p: string, cb: (ok: boolean) => void, d: object) => void
    const answers: boolean[] = []
    request({}, 'fullscreen', (ok) => answers.push(ok), { requestingUrl: OUR_PAGE })
    request({}, 'fullscreen', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' })
    request({}, 'media', (ok) => answers.push(ok), { requestingUrl: OUR_PAGE })
    expect(answers).toEqual([true, false, false])

    const check = handlers['check'] as unknown as (wc: unknown, p: string, origin: string, d: object) => boolean
    expect(check({}, 'fullscreen', 'file://', { requestingUrl: OUR_PAGE })).toBe(true)
    expect(check({}, 'fullscreen', 'https://evil.example', { requestingUrl: 'https://evil.example/' })).toBe(false)
    expect(check({}, 'clipboard-read', 'file://', { requestingUrl: OUR_PAGE })).toBe(false)
    expect(check({}, 'fullscreen', 'file://', {})).toBe(false)

    expect((handlers['device'] as unknown as () => boolean)()).toBe(false)
    const preventDefault = vi.fn()
    ;(handlers['will-download'] as unknown as (e: { preventDefault: () => void }) => void)({ preventDefault })
    expect(preventDefault).toHaveBeenCalled()
  })
})
