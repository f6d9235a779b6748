// The studio without Electron: main-process services, the loopback bridge and a static
// server for the built renderer, all on 127.0.0.1. Used by `npm run preview:web` and
// the e2e tests; never imported by the Electron entry.
import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createKeytarSecretStore } from '../adapters/keytar-secret-store'
import { noKeychainSecretStore } from '../account/secret-store'
import { createFileLogger } from '../core/logger'
import { spawnNodeWorker } from '../media-worker/node-spawner'
import { mediaUrlFactory } from '../media/media-url'
import { confOpener } from '../settings/conf-opener'
import { createStudio, type Studio } from '../studio/create-studio'
import { attachLoopbackBridge } from './loopback-bridge'
import { createStaticServer, mediaRoute, PREVIEW_MEDIA_PREFIX } from './static-server'

export interface HeadlessOptions {
  port?: number
  dataDir?: string
  rendererDir: string
  version: string
  /**
   * Answers the "send the key to <host>?" confirmation. The preview has no native dialog, so
   * it declines unless a test sets this.
   */
  confirmApiBase?: (host: string) => Promise<boolean>
}

export interface HeadlessStudio {
  url: string
  origin: string
  token: string
  dataDir: string
  studio: Studio
  close(): Promise<void>
}

export async function startHeadlessStudio(opts: HeadlessOptions): Promise<HeadlessStudio> {
  const dataDir = resolve(opts.dataDir ?? mkdtempSync(join(tmpdir(), 'krev-studio-')))
  const logger = createFileLogger(join(dataDir, 'logs'))
  const studio = await createStudio({
    dataDir,
    version: opts.version,
    platform: process.platform,
    logger,
    settingsOpener: confOpener(dataDir),
    // Its own keychain entry, so the preview never touches the desktop app's key;
    // KREV_KEYCHAIN=off runs it with no keychain at all (memory only).
    secrets:
      process.env['KREV_KEYCHAIN'] === 'off'
        ? noKeychainSecretStore()
        : createKeytarSecretStore({ service: 'Krev Studio (preview)' }),
    // No OS browser here: the headless preview only records the request.
    openExternal: async (url) => logger.info('openExternal (preview: not opened)', { url }),
    // Same origin as the page, so the renderer's CSP ('self') lets the images load.
    mediaUrl: mediaUrlFactory(PREVIEW_MEDIA_PREFIX),
    // No file manager or folder dialog in a browser: exports go straight to the Library folder.
    revealPath: (path) => {
      logger.info('reveal (preview: not shown)', { path })
      return false
    },
    chooseExportFolder: async (libraryDir) => libraryDir,
    // The media worker from source, under tsx, like the headless studio itself.
    mediaWorker: { spawn: spawnNodeWorker, entryPath: fileURLToPath(new URL('../media-worker/entry.ts', import.meta.url)) },
    sandboxWorker: { spawn: spawnNodeWorker, entryPath: fileURLToPath(new URL('../sandbox-worker/entry.ts', import.meta.url)) },
    confirmApiBase: opts.confirmApiBase ?? (async () => false),
    notify: (title, body) => logger.info('notification (preview: not shown)', { title, body })
  })
  const server = createStaticServer(resolve(opts.rendererDir), mediaRoute(studio.media))
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok())
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  const bridge = attachLoopbackBridge({
    server,
    router: studio.router,
    bus: studio.bus,
    origin,
    onReady: () => studio.replayStartupNotices()
  })
  return {
    url: `${origin}/#bridge-token=${bridge.token}`,
    origin,
    token: bridge.token,
    dataDir,
    studio,
    async close() {
      bridge.close()
      server.closeAllConnections()
      await new Promise<void>((ok) => server.close(() => ok()))
      await studio.dispose()
      await logger.flush()
    }
  }
}
