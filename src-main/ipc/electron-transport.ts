// The Electron IPC transport: one invoke channel, one event channel. Every call is
// checked to come from the app's own main frame before the router sees it.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../src-preload/channels'
import type { Envelope } from '../../src-preload/contract'
import type { EventBus } from './event-bus'
import type { Router } from './router'
import { isTrustedFrameUrl } from '../window/trusted-origin'

export interface ElectronTransportOptions {
  router: Router
  bus: EventBus
  /** The one window whose main frame may call in. */
  getWindow: () => { webContents: WebContents } | null
}

const refused: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden_sender', message: 'This caller is not allowed to talk to Krev Studio.', retryable: false }
}

export function attachElectronTransport({ router, bus, getWindow }: ElectronTransportOptions): () => void {
  const isOwnMainFrame = (event: IpcMainInvokeEvent): boolean => {
    const win = getWindow()
    const frame = event.senderFrame
    if (!win || !frame || event.sender !== win.webContents) return false
    // Only the top frame of our own page: never an iframe, never a navigated-away page.
    return frame === win.webContents.mainFrame && isTrustedFrameUrl(frame.url)
  }

  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown) => {
    if (!isOwnMainFrame(event)) return refused
    return router.dispatch(name, input, { transport: 'ipc' })
  })

  const unsubscribe = bus.subscribe((name, payload) => {
    const win = getWindow()
    if (win && !win.webContents.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload)
  })

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL)
    unsubscribe()
  }
}
