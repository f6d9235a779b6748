import { useEffect } from 'react'
import { Button } from '../../components/Button'
import { Callout } from '../../components/Callout'
import { EmptyState } from '../../components/EmptyState'
import { Screen, ScreenLoading } from '../../components/Screen'
import { useAppStore } from '../../stores/app'
import { activeCount, isFinishedJob, useQueueStore } from '../../stores/queue'
import { JobRow } from './JobRow'
import { pauseReason } from './job-view'

export default function QueueScreen() {
  const { jobs, state, load, error } = useQueueStore()
  const fetch = useQueueStore((s) => s.fetch)
  const clearFinished = useQueueStore((s) => s.clearFinished)
  const setPaused = useQueueStore((s) => s.setPaused)
  const navigate = useAppStore((s) => s.navigate)
  const pushNotice = useAppStore((s) => s.pushNotice)

  useEffect(() => {
    void fetch()
  }, [fetch])

  const running = activeCount(jobs)
  const finished = jobs.filter(isFinishedJob).length
  const report = (e: string | null) => {
    if (e) pushNotice({ level: 'error', message: e })
  }

  const toolbar =
    jobs.length > 0 ? (
      <>
        <span className="toolbar-count">
          {running} in progress · {finished} finished
        </span>
        <span className="toolbar-spacer" />
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
      {state.paused ? (
        <Callout tone="warning" title="Queue paused">
          {pauseReason(state)}
        </Callout>
      ) : null}
      {load === 'error' && error ? (
        <Callout tone="error" title="The queue couldn’t be loaded" role="alert">
          {error}
        </Callout>
      ) : null}
      {load === 'loading' && jobs.length === 0 ? (
        <ScreenLoading label="Loading the queue" />
      ) : jobs.length === 0 ? (
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
        <ul className="job-list" aria-label="Jobs">
          {jobs.map((j) => (
            <JobRow key={j.id} job={j} />
          ))}
        </ul>
      )}
    </Screen>
  )
}
