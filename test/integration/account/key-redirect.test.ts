import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startHeadlessStudio, type HeadlessStudio } from '../../../src-main/bridge/headless-studio'
import { startSandbox, type SandboxHandle } from '../../../src-main/sandbox'
import { configureTrustedOrigins } from '../../../src-main/window/trusted-origin'
import type { AccountStatus, Envelope } from '../../../src-preload/contract'
import { connectBridge, must, type Invoke } from '../support/bridge-client'

// The two-call attack from issue 8, exactly: a page sets apiBaseUrl to a host it controls,
// then asks for the balance (and queues a job, and sends a chat message). The key must not
// leave for that host through either transport; a trap server on loopback proves it.

type Handler = (event: unknown, name: unknown, input: unknown) => unknown
const ipc = vi.hoisted(() => ({ handler: null as Handler | null }))
// A minimal ipcMain stand-in: the real electron-transport.ts registers its handler here.
vi.mock('electron', () => ({
  ipcMain: {
    handle: (_channel: string, fn: Handler) => void (ipc.handler = fn),
    removeHandler: () => void (ipc.handler = null)
  }
}))
const { attachElectronTransport } = await import('../../../src-main/ipc/electron-transport')

const KEY = `sk_live_${'RedirectCanaryKey'.padEnd(32, '7')}`
const seen: { url: string; headers: IncomingHttpHeaders }[] = []
let trap: Server
let trapBase: string
let krev: SandboxHandle
const dirs: string[] = []
const tmp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p))
  dirs.push(d)
  return d
}

beforeAll(async () => {
  process.env['KREV_KEYCHAIN'] = 'off'
  trap = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}')
  })
  await new Promise<void>((ok) => trap.listen(0, '127.0.0.1', ok))
  trapBase = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`
  krev = await startSandbox({ port: 0, key: KEY, credits: 5000, dataDir: tmp('krev-redirect-sbx-'), speed: 100 })
})
afterAll(async () => {
  trap.closeAllConnections()
  await new Promise<void>((ok) => trap.close(() => ok()))
  await krev?.close()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})


async function studioWithKey(confirm?: (host: string) => Promise<boolean>): Promise<HeadlessStudio> {
  const rendererDir = tmp('krev-redirect-renderer-')
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
  return startHeadlessStudio({ rendererDir, version: '0.0.0-test', dataDir: tmp('krev-redirect-app-'), ...(confirm ? { confirmApiBase: confirm } : {}) })
}

async function bridgeInvoke(h: HeadlessStudio): Promise<{ invoke: Invoke; close: () => void }> {
  return connectBridge(h.origin, h.token)
}

/** The router behind the real Electron transport, called the way ipcMain would call it. */
function electronInvoke(h: HeadlessStudio): { invoke: Invoke; close: () => void } {
  const rendererIndexFile = '/opt/krev/out/renderer/index.html'
  configureTrustedOrigins({ rendererIndexFile })
  const mainFrame = { url: `file://${rendererIndexFile}` }
  const webContents = { mainFrame, isDestroyed: () => false, send: () => undefined }
  const detach = attachElectronTransport({
    router: h.studio.router,
    bus: h.studio.bus,
    getWindow: () => ({ webContents }) as never
  })
  const invoke: Invoke = async (name, input = {}) =>
    (await ipc.handler!({ sender: webContents, senderFrame: mainFrame }, name, input)) as Envelope<never>
  return { invoke, close: detach }
}

/** Sets up "Krev" (a sandbox with KEY), saves the key, then runs the attack against `target`. */
async function attack(invoke: Invoke, target: string): Promise<void> {
  await must(invoke, 'settings.update', { patch: { apiBaseUrl: krev.baseUrl } })
  const saved = await must<AccountStatus>(invoke, 'account.saveKey', { key: KEY })
  expect(saved.key).toMatchObject({ configured: true, verified: true })
  expect(saved.connection.mode).toBe('krev')

  await must(invoke, 'settings.update', { patch: { apiBaseUrl: target } })
  const credits = await invoke('account.credits', { refresh: true })
  expect(credits.ok).toBe(false)
  if (!credits.ok) expect(credits.error.code).toBe('unauthorized')
  const status = await must<AccountStatus>(invoke, 'account.status')
  expect(status.key.needsConfirmation?.host).toBe(new URL(target).host)

  const job = await invoke<{ id: string; status: string }>('generation.submit', {
    kind: 'image',
    params: { prompt: 'A wallet on marble', aspectRatio: '1:1', hd: false, imageCount: 1 }
  })
  const chat = await invoke('chat.send', { message: 'Hello agent', agent: 'auto' })
  expect(chat.ok).toBe(false)
  // The job is persisted (or refused); either way the queue must settle without the key.
  if (job.ok) {
    for (let i = 0; i < 200; i++) {
      const list = await must<{ jobs: { id: string; status: string; error: { code: string } | null }[] }>(invoke, 'queue.list')
      const j = list.jobs.find((x) => x.id === job.data.id)
      if (j && (j.error || !['queued', 'submitting'].includes(j.status))) break
      await new Promise((r) => setImmediate(r))
    }
  }
  // Declining the native confirmation changes nothing.
  const declined = await must<AccountStatus>(invoke, 'account.confirmApiBase')
  expect(declined.key.needsConfirmation).toBeDefined()
  expect(await invoke('account.credits', { refresh: true })).toMatchObject({ ok: false })
}

const leaked = () => seen.filter((r) => r.headers.authorization !== undefined || JSON.stringify(r).includes('RedirectCanaryKey'))

describe('the API key goes only to the origin it was verified against (issue 8, item 1)', () => {
  for (const transport of ['loopback bridge', 'Electron transport'] as const) {
    for (const target of ['https://attacker.example', 'trap']) {
      it(`${transport}: settings.update to ${target} then credits, a job and chat send nothing there`, async () => {
        const h = await studioWithKey()
        const t = transport === 'loopback bridge' ? await bridgeInvoke(h) : electronInvoke(h)
        try {
          seen.length = 0
          await attack(t.invoke, target === 'trap' ? trapBase : target)
          expect(leaked()).toEqual([])
          expect(seen).toEqual([])
        } finally {
          t.close()
          await h.close()
        }
      })
    }
  }

  it('a native "yes" naming the host rebinds the key to it; only then is it sent there', async () => {
    const asked: string[] = []
    const h = await studioWithKey(async (host) => {
      asked.push(host)
      return true
    })
    const t = await bridgeInvoke(h)
    try {
      await must(t.invoke, 'settings.update', { patch: { apiBaseUrl: krev.baseUrl } })
      await must(t.invoke, 'account.saveKey', { key: KEY })
      await must(t.invoke, 'settings.update', { patch: { apiBaseUrl: trapBase } })
      seen.length = 0
      const status = await must<AccountStatus>(t.invoke, 'account.confirmApiBase')
      expect(asked).toEqual([new URL(trapBase).host])
      expect(status.key.needsConfirmation).toBeUndefined()
      // The user approved this host: now (and only now) the key goes there.
      expect(seen.some((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true)
    } finally {
      t.close()
      await h.close()
    }
  })
})
