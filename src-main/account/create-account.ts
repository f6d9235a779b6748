import type { Connection } from '../../src-preload/contract'
import type { Logger } from '../core/logger'
import { silentLogger } from '../core/logger'
import type { EventBus } from '../ipc/event-bus'
import { createAppStateStore, type AppStateStore } from '../settings/app-state'
import type { JsonStoreOpener, Notice } from '../settings/json-store'
import { createSettingsService, type SettingsService } from '../settings/settings-service'
import { accountHandlers, type AccountHandlers } from './account-handlers'
import { createAccountService, type AccountService } from './account-service'
import { createConnection, type ConnectionService, type KrevClientFactory, type SandboxEndpoint } from './connection'
import { createCreditsCache } from './credits'
import { createKeyVault, type KeyVault } from './key-vault'
import type { SecretStore } from './secret-store'

/**
 * Wires the account feature for the composition root (create-studio.ts): settings and
 * app state in `opener.dir`, the key vault on `secrets`, the connection, the service and
 * its IPC handlers, and the events they publish on `bus`.
 */
export interface AccountFeatureDeps {
  /** electronStoreOpener(dataDir) in the app, confOpener(dataDir) in the preview and tests. */
  opener: JsonStoreOpener
  /** createKeytarSecretStore() in the app; noKeychainSecretStore() where no keychain may be used. */
  secrets: SecretStore
  bus: EventBus
  /** Starts the embedded sandbox (own loopback port, own data folder) on first use. */
  ensureSandbox: () => Promise<SandboxEndpoint>
  clientFactory: KrevClientFactory
  /** process.env.KREV_API_BASE */
  envApiBase?: string | undefined
  /** Native "send your key to <host>?" dialog (StudioDeps.confirmApiBase). */
  confirmApiBase?: (host: string) => Promise<boolean>
  /** Default `<opener.dir>/Library`. */
  defaultLibraryDir?: string
  logger?: Logger
}

export interface AccountFeature {
  settings: SettingsService
  appState: AppStateStore
  vault: KeyVault
  connection: ConnectionService
  account: AccountService
  handlers: AccountHandlers
  /** For app-handlers' `connection` dependency. */
  connectionStatus(): Connection
  /** Notices raised before anyone listened (damaged settings file…): re-emit once the window is up. */
  startupNotices(): Notice[]
  dispose(): void
}

export async function createAccountFeature(deps: AccountFeatureDeps): Promise<AccountFeature> {
  const logger = deps.logger ?? silentLogger
  const early: Notice[] = []
  const onNotice = (n: Notice): void => {
    early.push(n)
    logger.warn('notice', { level: n.level, message: n.message })
    deps.bus.emit('app.notice', n)
  }

  const settings = createSettingsService({
    opener: deps.opener,
    onNotice,
    ...(deps.defaultLibraryDir ? { defaultLibraryDir: deps.defaultLibraryDir } : {})
  })
  const appState = createAppStateStore({ opener: deps.opener, onNotice })
  const vault = createKeyVault({
    secrets: deps.secrets,
    verifiedFlag: {
      get: () => appState.get().keyVerified,
      set: (keyVerified) => void appState.update({ keyVerified })
    }
  })
  // Bounded by the secret store's timeout (3 s): a locked or hung keychain delays start by
  // at most that, and then shows up in the key status instead.
  const keyStatus = await vault.load()
  if (keyStatus.state !== 'available') logger.warn('keychain not usable', { state: keyStatus.state })

  const connection = createConnection({
    settings,
    appState,
    vault,
    ensureSandbox: deps.ensureSandbox,
    clientFactory: deps.clientFactory,
    envApiBase: deps.envApiBase,
    onNotice
  })
  // A key saved before keys were bound to a base was in use with the base configured then:
  // bind it to that one (once), so from here on any other base needs the user's say-so.
  if (vault.bound()?.base === null) await vault.rebind(connection.krevBaseUrl())
  const account = createAccountService({
    vault,
    connection,
    appState,
    credits: createCreditsCache(),
    bus: deps.bus,
    logger,
    ...(deps.confirmApiBase ? { confirmApiBase: deps.confirmApiBase } : {})
  })
  const unsubscribeSettings = settings.onChange((next) => deps.bus.emit('settings.changed', next))

  return {
    settings,
    appState,
    vault,
    connection,
    account,
    handlers: accountHandlers({ account, settings }),
    connectionStatus: () => connection.status(),
    startupNotices: () => [...early],
    dispose() {
      unsubscribeSettings()
      account.dispose()
    }
  }
}
