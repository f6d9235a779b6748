// Child-process entry: boots a built main bundle (out/main/index.js, or KREV_MAIN_ENTRY for
// a packaged one) against the electron double, run as
// `node --import test/desktop/loader/register.mjs --import tsx boot-child.ts`.
// 'ready' is emitted once the main script has run, as Electron does. When the window's page
// has loaded (an event, never a timer) the child either
// - (forked with IPC) reports {booted} and answers ops from the test (control-ops.ts), or
// - (KREV_BOOT_MODE=ping, the packaging check) runs the window's preload, invokes app.ping
//   through it and prints `KREV_BOOT_PING <envelope JSON>`, then exits 0.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { setQuitHook } from '../electron-double/app'
import { BrowserWindow } from '../electron-double/browser-window'
import { ipcMain } from '../electron-double/ipc-main'
import { markReady, onCall } from '../electron-double/record'
import { instantHost, setRendererHost } from '../electron-double/renderer-host'
import { runOp, type Op } from './control-ops'
import { runPreload } from './run-preload'

const MAIN = process.env['KREV_MAIN_ENTRY'] || resolve(import.meta.dirname, '../../../out/main/index.js')

function whenPageLoaded(): Promise<BrowserWindow> {
  return new Promise((done, fail) => {
    onCall((api, detail) => {
      if (api !== 'webContents.loadFile' && api !== 'webContents.loadURL') return
      const win = BrowserWindow.getAllWindows()[0]
      win?.webContents.once('did-finish-load', () => done(win))
      win?.webContents.once('did-fail-load', (_e: unknown, code: number, reason: string) =>
        fail(new Error(`the window's page failed to load (${code} ${reason}): ${JSON.stringify(detail)}`))
      )
    })
  })
}

async function pingThroughPreload(win: BrowserWindow): Promise<void> {
  const wc = win.webContents
  const { mainWorld } = runPreload(String(wc.webPreferences['preload']), {
    invoke: (channel, args) => ipcMain.invokeFrom(wc, wc.mainFrame, channel, args),
    send: () => undefined
  })
  const krev = mainWorld['krev'] as { invoke(name: string, input: unknown): Promise<unknown> }
  const reply = await krev.invoke('app.ping', { message: 'packaged' })
  process.stdout.write(`KREV_BOOT_PING ${JSON.stringify(reply)}\n`)
  process.exit(0)
}

// With a test attached, what main sends the page (webContents.send) goes to the test,
// which hands it to the real page's preload listeners (the journey).
if (process.send) {
  setRendererHost({ load: instantHost.load, deliver: (_id, channel, args) => process.send!({ deliver: { channel, args } }) })
}
const loaded = whenPageLoaded()
setQuitHook((code) => setImmediate(() => process.exit(code)))
await import(pathToFileURL(MAIN).href)
markReady()
const win = await loaded
if (process.env['KREV_BOOT_MODE'] === 'ping') {
  await pingThroughPreload(win)
} else if (process.send) {
  process.on('message', (msg: Op & { id: number }) => {
    runOp(msg).then(
      (result) => process.send!({ id: msg.id, result }),
      (error: unknown) => process.send!({ id: msg.id, error: String(error) })
    )
  })
  process.send({ booted: true })
} else {
  throw new Error('boot-child: fork it with an IPC channel, or set KREV_BOOT_MODE=ping')
}
