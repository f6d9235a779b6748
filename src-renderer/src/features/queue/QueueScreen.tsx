import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Button } from '../../components/Button'
import { Callout } from '../../components/Callout'
import { ErrorAlert } from '../../components/ErrorAlert'
import { EmptyState } from '../../components/EmptyState'
import { Screen, ScreenLoading } from '../../components/Screen'
import { useAppStore } from '../../stores/app'
import { activeCount, isWaitingJob, useQueueStore } from '../../stores/queue'
import { useSettingsStore } from '../../stores/settings'
import { ConcurrencyStepper } from './ConcurrencyStepper'
import { BatchProgress } from './BatchProgress'
import { JobList } from './JobList'
import { pauseReason } from './job-view'
import { REORDER_HELP, REORDER_HELP_ID } from './reorder'

export default function QueueScreen() {
  // The order of ids and the counts only: a row follows its own job (JobRow).
  const ids = useQueueStore(useShallow((s) => s.jobs.map((j) => j.id)))
  const running = useQueueStore((s) => activeCount(s.jobs))
  const waiting = useQueueStore((s) => s.jobs.filter(isWaitingJob).length)
  const state = useQueueStore((s) => s.state)
  const load = useQueueStore((s) => s.load)
  const error = useQueueStore((s) => s.error)
  const fetch = useQueueStore((s) => s.fetch)
  const clearFinished = useQueueStore((s) => s.clearFinished)
  const setPaused = useQueueStore((s) => s.setPaused)
  const navigate = useAppStore((s) => s.navigate)
  const pushNotice = useAppStore((s) => s.pushNotice)
  const announcement = useQueueStore((s) => s.announcement)
  const settingsLoad = useSettingsStore((s) => s.load)
  const fetchSettings = useSettingsStore((s) => s.fetch)

  useEffect(() => {
    void fetch()
  }, [fetch])
  useEffect(() => {
    // The "at once" stepper shows the saved setting.
    if (settingsLoad === 'idle') void fetchSettings()
  }, [settingsLoad, fetchSettings])

  const finished = ids.length - running
  const report = (e: string | null) => {
    if (e) pushNotice({ level: 'error', message: e })
  }

  const toolbar =
    ids.length > 0 ? (
      <>
        <span className="toolbar-count">
          {running - waiting} running · {waiting} waiting · {finished} finished
        </span>
        <span className="toolbar-spacer" />
        <ConcurrencyStepper />
        <Button
          icon={state.paused ? 'play' : 'pause'}
          onClick={() => void setPaused(!state.paused).then(report)}
        >
          {state.paused ? 'Resume' : 'Pause'}
        </Button>
        <Button icon="trash" variant="ghost" disabled={finished === 0} onClick={() => void clearFinished().then(report)}>
          Clear finished
        </Button>
      </>
    ) : undefined

  return (
    <Screen toolbar={toolbar}>
      <p id={REORDER_HELP_ID} className="sr-only">
        {REORDER_HELP}
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {state.paused ? (
        <Callout tone="warning" title="Queue paused">
          {pauseReason(state)}
        </Callout>
      ) : null}
      <ErrorAlert error={load === 'error' && error} title="The queue couldn’t be loaded" />
      <BatchProgress />
      {load === 'loading' && ids.length === 0 ? (
        <ScreenLoading label="Loading the queue" />
      ) : ids.length === 0 ? (
        <EmptyState
          icon="queue"
          title="Nothing generating right now"
          body="When you generate images, videos or ads, they line up here with live progress. Finished results go straight to your library — even if you close the app mid-way."
          actions={
            <Button variant="primary" size="lg" icon="sparkles" onClick={() => navigate('create')}>
              Start a generation
            </Button>
          }
        />
      ) : (
        <JobList ids={ids} />
      )}
    </Screen>
  )
}
