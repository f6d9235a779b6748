// What the test can ask the booted child to do: each op is what Electron would do when
// Chromium, the page or the OS acts (a frame invokes, a link navigates, a site asks for a
// permission), run against the app's real handlers as they were registered on the double.
import { INVOKE_CHANNEL } from '../../../src-preload/channels'
import { BrowserWindow } from '../electron-double/browser-window'
import { app } from '../electron-double/app'
import { ipcMain } from '../electron-double/ipc-main'
import { Menu } from '../electron-double/menu'
import { calls, violations } from '../electron-double/record'
import { session } from '../electron-double/session'
import { WebContents } from '../electron-double/web-contents'
import type { WebFrameMain } from '../electron-double/web-frame-main'

export type Sender = 'main' | 'subframe' | 'other-webcontents' | 'navigated'

export type Op =
  | { op: 'state' }
  | { op: 'protocol'; url: string; headers?: Record<string, string> }
  | { op: 'invoke'; from: Sender; name: string; input?: unknown }
  /** The window's main frame, as a real page at `url` calls (the journey's Chromium page). */
  | { op: 'invoke-at'; url: string; name: string; input?: unknown }
  | { op: 'navigate'; url: string }
  | { op: 'window-open'; url: string; from?: 'window' | 'new-webcontents' }
  | { op: 'permission'; permission: string }
  | { op: 'quit' }

function mainWindow(): BrowserWindow {
  const win = BrowserWindow.getAllWindows()[0]
  if (!win) throw new Error('the app opened no window')
  return win
}

/** ipcRenderer.invoke(INVOKE_CHANNEL, name, input) as sent by `from`. */
async function invokeAs(from: Sender, name: string, input: unknown): Promise<unknown> {
  const wc = mainWindow().webContents
  const args = [name, input]
  if (from === 'main') return ipcMain.invokeFrom(wc, wc.mainFrame, INVOKE_CHANNEL, args)
  if (from === 'subframe') {
    // Same trusted URL as the page, so only "not the main frame" can refuse it.
    const child = wc.mainFrame.addChild(wc.mainFrame.url)
    try {
      return await ipcMain.invokeFrom(wc, child, INVOKE_CHANNEL, args)
    } finally {
      wc.mainFrame.frames.splice(wc.mainFrame.frames.indexOf(child), 1)
      child.destroy()
    }
  }
  if (from === 'other-webcontents') {
    const other = new WebContents(session.defaultSession, {})
    other.mainFrame.url = wc.mainFrame.url
    try {
      return await ipcMain.invokeFrom(other, other.mainFrame, INVOKE_CHANNEL, args)
    } finally {
      other.destroy()
    }
  }
  // The window's own main frame, after its document moved to another site.
  return invokeAtUrl('https://evil.example/', name, input)
}

/** The main frame's URL is whatever page really runs there; the app's check decides. */
async function invokeAtUrl(url: string, name: string, input: unknown): Promise<unknown> {
  const wc = mainWindow().webContents
  const args = [name, input]
  const frame: WebFrameMain = wc.mainFrame
  const trusted = frame.url
  frame.url = url
  try {
    return await ipcMain.invokeFrom(wc, frame, INVOKE_CHANNEL, args)
  } finally {
    frame.url = trusted
  }
}

export async function runOp(msg: Op): Promise<unknown> {
  switch (msg.op) {
    case 'state': {
      const win = BrowserWindow.getAllWindows()[0]
      return {
        calls: calls.map((c) => ({ api: c.api, ready: c.ready })),
        violations: [...violations],
        webPreferences: win ? win.webContents.getLastWebPreferences() : null,
        isPackaged: app.isPackaged,
        applicationMenuSet: calls.some((c) => c.api === 'Menu.setApplicationMenu'),
        applicationMenu: Menu.getApplicationMenu()?.serialize() ?? null,
        windowMenu: win?.menu?.serialize() ?? null,
        pageUrl: win?.webContents.getURL() ?? null,
        forks: calls.filter((c) => c.api === 'utilityProcess.fork').map((c) => c.detail)
      }
    }
    case 'protocol': {
      let res: Response
      try {
        res = await session.defaultSession.protocol.request(msg.url, { headers: msg.headers ?? {} })
      } catch (error) {
        // A load Chromium fails before any handler answers: status 0, like fetch's network error.
        return { status: 0, body: new Uint8Array(), type: null, netError: String(error) }
      }
      return { status: res.status, body: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type') }
    }
    case 'invoke':
      return invokeAs(msg.from, msg.name, msg.input)
    case 'invoke-at':
      return invokeAtUrl(msg.url, msg.name, msg.input)
    case 'navigate':
      return { allowed: mainWindow().webContents.requestNavigation(msg.url), url: mainWindow().webContents.getURL() }
    case 'window-open': {
      if (msg.from !== 'new-webcontents') return mainWindow().webContents.requestWindowOpen(msg.url)
      // A webContents the app never created itself (a devtools or a stray view): the
      // app's web-contents-created rule must still deny.
      const other = new WebContents(session.defaultSession, {})
      try {
        return other.requestWindowOpen(msg.url)
      } finally {
        other.destroy()
      }
    }
    case 'permission':
      return session.defaultSession.requestPermission(msg.permission, mainWindow().webContents)
    case 'quit':
      app.quit()
      return 'quitting'
  }
}
