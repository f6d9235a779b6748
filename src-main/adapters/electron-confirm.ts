import { dialog, type BrowserWindow } from 'electron'

/**
 * The native "send your API key to <host>?" question (StudioDeps.confirmApiBase). Native,
 * so the page cannot draw or answer it; Cancel is the default and the Escape answer.
 */
export function electronConfirmApiBase(getWindow: () => BrowserWindow | null) {
  return async (host: string): Promise<boolean> => {
    const options = {
      type: 'warning' as const,
      title: 'New Krev address',
      message: `Send your Krev API key to ${host}?`,
      detail:
        `Your key was checked with a different Krev address. Only continue if you set ${host} yourself ` +
        'and trust it: whoever runs it can use your key and spend your credits.',
      buttons: ['Cancel', `Use my key with ${host}`],
      defaultId: 0,
      cancelId: 0,
      noLink: true
    }
    const win = getWindow()
    const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)
    return response === 1
  }
}
