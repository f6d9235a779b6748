// `dialog`: modal dialogs only after 'ready' ("dialog module can only be used after app
// is ready"), except showErrorBox, which "can be called safely before the ready event"
// (docs, api/dialog.md). Answers are queued by the test; with none queued a dialog is
// cancelled, which is what a user closing it does.
import { record, requireReady } from './record'

type Answer = Record<string, unknown>
const answers: Answer[] = []

export function queueDialogAnswer(answer: Answer): void {
  answers.push(answer)
}

function modal(name: string, cancelled: Answer) {
  return async (...args: unknown[]): Promise<Answer> => {
    const options = (args.length > 1 ? args[1] : args[0]) as Record<string, unknown> | undefined
    record(`dialog.${name}`, { options: options ? JSON.parse(JSON.stringify(options)) : null, withWindow: args.length > 1 })
    requireReady(`dialog.${name}`)
    return answers.shift() ?? cancelled
  }
}

export const dialog = {
  showOpenDialog: modal('showOpenDialog', { canceled: true, filePaths: [] }),
  showSaveDialog: modal('showSaveDialog', { canceled: true, filePath: '' }),
  showMessageBox: modal('showMessageBox', { response: 0, checkboxChecked: false }),
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', { title, content })
  },
  showCertificateTrustDialog: modal('showCertificateTrustDialog', {})
}
