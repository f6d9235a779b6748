import { errorMessage, invoke, isConnected } from '../api/client'
import { useAccountStore } from '../stores/account'
import { useAppStore } from '../stores/app'
import { useQueueStore } from '../stores/queue'
import { useSettingsStore } from '../stores/settings'
import { startThemeSync } from './theme'
import { wireEvents } from './wire-events'

/**
 * Everything the app needs before the first screen: who we are, how we are connected,
 * the account and the settings. Each part may fail on its own without blocking the rest.
 */
export async function boot(): Promise<void> {
  const app = useAppStore.getState()
  startThemeSync()
  if (!isConnected()) {
    app.setBridge('missing')
    app.setBooted(true)
    return
  }
  app.setBridge('connected')
  wireEvents()

  const report = (e: unknown): void => {
    app.pushNotice({ level: 'error', message: errorMessage(e) })
  }

  await Promise.all([
    invoke('app.info', {})
      .then((info) => {
        app.setInfo({ name: info.name, version: info.version, platform: info.platform })
        // The macOS title bar is drawn by the page (hiddenInset): shell.css keys off this.
        document.documentElement.dataset['platform'] = info.platform
        if (!useAppStore.getState().connection) app.setConnection(info.connection)
      })
      .catch(report),
    useAccountStore.getState().loadStatus().catch(report),
    useSettingsStore.getState().fetch()
  ])
  app.setBooted(true)

  // Not needed for the first paint.
  void useAccountStore.getState().loadCredits()
  void useQueueStore.getState().fetch()
}
