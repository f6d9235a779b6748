import { errorMessage, invoke } from '../../api/client'
import { useAppStore } from '../../stores/app'

export const DASHBOARD_KEYS_URL = 'https://app.krev.ai/settings/api-keys'
export const DASHBOARD_URL = 'https://app.krev.ai/'

/** Opens an allow-listed Krev page in the system browser; failures become a toast. */
export async function openExternalLink(url: string): Promise<void> {
  try {
    await invoke('app.openExternal', { url })
  } catch (e) {
    useAppStore.getState().pushNotice({ level: 'error', message: errorMessage(e) })
  }
}

export const openKeysDashboard = (): Promise<void> => openExternalLink(DASHBOARD_KEYS_URL)
export const openDashboard = (): Promise<void> => openExternalLink(DASHBOARD_URL)
