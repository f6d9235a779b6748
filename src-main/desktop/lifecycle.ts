import { app, clipboard, dialog } from 'electron'

/**
 * A start that failed (settings unreadable, the window could not load…) must not leave a
 * process with no window holding the single-instance lock: say why, let the user copy the
 * details for a bug report, then release the lock and quit.
 */
export async function failStartup(error: unknown): Promise<void> {
  const reason = error instanceof Error ? error.message : String(error)
  const details = [
    `Krev Studio ${app.getVersion()} on ${process.platform} ${process.arch} (Electron ${process.versions.electron ?? '?'})`,
    error instanceof Error && error.stack ? error.stack : reason
  ].join('\n')
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Krev Studio could not start',
    message: 'Krev Studio could not start.',
    detail: reason,
    buttons: ['Quit', 'Copy details and quit'],
    defaultId: 0,
    cancelId: 0,
    noLink: true
  })
  if (response === 1) clipboard.writeText(details)
  app.releaseSingleInstanceLock()
  app.exit(1)
}

/**
 * Quitting waits for the queue, library and chat stores and the window state to reach disk,
 * but never longer than `limitMs`: a stuck write must not keep a quitting app alive.
 */
export function flushBeforeQuit(flush: () => Promise<void>, limitMs = 3000): void {
  let flushing = false
  app.on('before-quit', (event) => {
    if (flushing) return
    flushing = true
    event.preventDefault()
    const limit = new Promise<void>((done) => setTimeout(done, limitMs).unref())
    void Promise.race([flush().catch(() => undefined), limit]).then(() => app.exit(0))
  })
}
