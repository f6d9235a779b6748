// Navigation, new windows, permissions and webviews are refused by default: the page
// is our bundled renderer and nothing else. External links go through the allow-list.
import { shell, type Session, type WebContents } from 'electron'
import { isAllowedExternalUrl } from '../core/external-links'
import { isTrustedFrameUrl } from './trusted-origin'

/**
 * Exactly one permission is granted: 'fullscreen', so the viewer's <video> can go full
 * screen, and only to our own page (the bundled renderer or the dev server), never to a
 * frame from anywhere else. Camera, microphone, notifications, clipboard, geolocation,
 * MIDI, HID… all stay denied. Desktop notifications come from main, not the page.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'fullscreen' && typeof requestingUrl === 'string' && isTrustedFrameUrl(requestingUrl)
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl))
  )
  session.setPermissionCheckHandler((_wc, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl)
  )
  session.setDevicePermissionHandler(() => false)
  session.on('will-download', (event) => event.preventDefault())
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedFrameUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedFrameUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}
