import { useState } from 'react'
import { create } from 'zustand'
import type { EventPayload } from '../../../../src-preload/contract'
import { errorMessage, invoke } from '../../api/client'
import { Button } from '../../components/Button'
import { Callout } from '../../components/Callout'

type Progress = EventPayload<'library.rebuildProgress'>

/** The latest library.rebuildProgress (wire-events.ts feeds it), whoever started the rebuild: this button or the menu. */
export const useRebuildProgress = create<{ progress: Progress | null; set(p: Progress): void }>((set) => ({
  progress: null,
  set: (progress) => set({ progress })
}))

const plural = (n: number, one: string) => `${n.toLocaleString()} ${one}${n === 1 ? '' : 's'}`

/** "Rebuild library from folder" in Account → Settings, with a progress bar. */
export function RebuildLibrary() {
  const progress = useRebuildProgress((s) => s.progress)
  const [running, setRunning] = useState(false)
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const busy = running || (progress !== null && progress.phase !== 'done')

  const rebuild = async () => {
    setRunning(true)
    setOutcome(null)
    try {
      const r = await invoke('library.rebuild', {})
      setOutcome({ tone: 'success', text: `Your library has ${plural(r.total, 'item')}: ${plural(r.indexed, 'file')} read from the folder, ${plural(r.removed, 'missing file')} removed from the list.` })
    } catch (e) {
      setOutcome({ tone: 'error', text: errorMessage(e) })
    } finally {
      setRunning(false)
    }
  }

  return (
    <div className="card settings-card settings-rebuild">
      <div className="settings-group">
        <div className="control-block">
          <span className="control-label">Rebuild library from folder</span>
          <p className="field-hint">
            Reads every file and its .krev.json sidecar in your Library folder again. Use it after copying a library from another computer, or when files changed outside Krev Studio.
          </p>
        </div>
        {busy && progress ? (
          <div role="status" aria-live="polite">
            <progress
              className="progress-bar"
              aria-label="Rebuilding the library"
              value={progress.phase === 'counting' ? undefined : progress.done}
              max={Math.max(progress.total, 1)}
            />
            <span className="form-status">{progress.phase === 'counting' ? 'Counting files…' : `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} files`}</span>
          </div>
        ) : null}
        {outcome ? (
          <Callout tone={outcome.tone} title={outcome.tone === 'success' ? 'Library rebuilt' : 'The library wasn’t rebuilt'} role={outcome.tone === 'error' ? 'alert' : 'status'}>
            {outcome.text}
          </Callout>
        ) : null}
        <div className="form-actions">
          <Button type="button" icon="refresh" loading={busy} disabled={busy} onClick={() => void rebuild()}>
            Rebuild library
          </Button>
        </div>
      </div>
    </div>
  )
}
