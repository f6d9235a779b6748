import { createAccountFeature } from '../account/create-account'
import type { SecretStore } from '../account/secret-store'
import type { Logger } from '../core/logger'
import { EventBus } from '../ipc/event-bus'
import { createRouter, type Handlers, type Router } from '../ipc/router'
import { createKrevClient } from '../krev'
import type { JsonStoreOpener } from '../settings/json-store'
import { appHandlers } from './app-handlers'
import { embeddedSandbox } from './embedded-sandbox'

export interface StudioDeps {
  dataDir: string
  version: string
  platform: string
  logger: Logger
  /** electron-store in the app, conf in the preview and tests. */
  settingsOpener: JsonStoreOpener
  /** The OS keychain through keytar, or a store that refuses (memory only). */
  secrets: SecretStore
  openExternal: (url: string) => Promise<void>
}

export interface Studio {
  router: Router
  bus: EventBus
  /** Re-emits notices raised before the window listened (a damaged settings file…). */
  replayStartupNotices(): void
  dispose(): Promise<void>
}

/**
 * The composition root of main's services, shared by the Electron entry and the headless
 * preview. Everything platform-specific arrives through `deps`; nothing here imports electron.
 */
export async function createStudio(deps: StudioDeps): Promise<Studio> {
  const bus = new EventBus((name, issue) => deps.logger.error('invalid event dropped', { name, issue }))
  const sandbox = embeddedSandbox(deps.dataDir, deps.logger)
  const account = await createAccountFeature({
    opener: deps.settingsOpener,
    secrets: deps.secrets,
    bus,
    logger: deps.logger,
    clientFactory: createKrevClient,
    envApiBase: process.env['KREV_API_BASE'],
    ensureSandbox: () => sandbox.ensure()
  })

  const handlers: Partial<Handlers> = {
    ...appHandlers({
      name: 'Krev Studio',
      version: deps.version,
      platform: deps.platform,
      bus,
      connection: () => account.connectionStatus(),
      openExternal: deps.openExternal
    }),
    ...account.handlers
  }
  const router = createRouter(handlers, {
    onInternalError: (name, error) => deps.logger.error('command failed', { name, error })
  })
  return {
    router,
    bus,
    replayStartupNotices() {
      for (const notice of account.startupNotices()) bus.emit('app.notice', notice)
    },
    async dispose() {
      account.dispose()
      await sandbox.close()
    }
  }
}
