import { memo, useState, type KeyboardEvent } from 'react'
import { Badge } from '../../components/Badge'
import { IconButton } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { TruncatedText } from '../../components/TruncatedText'
import { formatRelative } from '../../lib/format'
import { useAppStore } from '../../stores/app'
import { firstWaitingId, isActiveJob, isWaitingJob, jobById, useQueueStore } from '../../stores/queue'
import { RemixJobButton } from '../create/RemixButton'
import { CreditsAdvice } from './CreditsAdvice'
import { JobOutputs } from './JobOutputs'
import { JobTiming } from './JobTiming'
import { creditsLabel, fullPrompt, isOwnChoice, isUnknownOutcome, jobSpec, STATUS_VIEW, UNKNOWN_VIEW } from './job-view'
import { dragHandlers, onReorderKey, REORDER_HELP_ID, runNext } from './reorder'
import { UnknownOutcome } from './UnknownOutcome'

/** Krev asked us to wait (rate limit): say when the job goes on by itself. */
function resumesText(iso: string): string {
  const when = formatRelative(iso)
  return when === 'just now' || !when ? 'Resumes in a moment' : `Resumes ${when}`
}

/**
 * One row, subscribed to its own job only: progress on another job leaves it alone.
 * `index` and `measure` come from the virtual list (the row reports its own height).
 * A waiting row can be reordered (reorder.ts) and sent next.
 */
export const JobRow = memo(function JobRow({
  id,
  index,
  start,
  measure
}: {
  id: string
  index: number
  /** Where the row sits in the list, in pixels. */
  start: number
  measure(el: Element | null): void
}) {
  const job = useQueueStore((s) => jobById(s.jobs, id))
  const first = useQueueStore((s) => firstWaitingId(s.jobs) === id)
  const grabbed = useQueueStore((s) => s.grabbed?.id === id)
  const act = useQueueStore((s) => s.act)
  const pushNotice = useAppStore((s) => s.pushNotice)
  const [drop, setDrop] = useState<'before' | 'after' | null>(null)
  if (!job) return null
  const unknown = isUnknownOutcome(job)
  const waiting = isWaitingJob(job)
  const heldForCredits = waiting && job.error?.code === 'insufficient_credits' && Boolean(job.error.credits)
  const status = unknown ? UNKNOWN_VIEW : heldForCredits ? { label: 'Needs credits', tone: 'warning' as const } : STATUS_VIEW[job.status]
  const active = isActiveJob(job)
  const prompt = fullPrompt(job)
  const report = (error: string | null) => {
    if (error) pushNotice({ level: 'error', message: error })
  }
  const run = async (action: 'cancel' | 'retry' | 'remove') => report(await act(action, job.id))
  const keys = (onHandle: boolean) => (e: KeyboardEvent) => {
    if (waiting && onReorderKey(e, job, report, onHandle)) e.preventDefault()
  }
  const classes = ['job', `job-${job.status}`, unknown ? 'job-unknown' : '', grabbed ? 'job-grabbed' : '', drop ? `job-drop-${drop}` : '']
  return (
    <li
      ref={measure}
      data-index={index}
      style={{ transform: `translateY(${start}px)` }}
      className={classes.filter(Boolean).join(' ')}
      onKeyDown={keys(false)}
      {...(waiting ? dragHandlers(job, setDrop, report) : {})}
    >
      <span className="job-handle-cell">
        {waiting ? (
          <button
            type="button"
            className="job-handle"
            aria-label={`Reorder ${job.title}`}
            aria-describedby={REORDER_HELP_ID}
            aria-pressed={grabbed}
            title="Drag to reorder, or press Space"
            onKeyDown={(e) => {
              e.stopPropagation()
              keys(true)(e)
            }}
            onBlur={() => grabbed && useQueueStore.getState().setGrabbed(null)}
          >
            <Icon name="grip" size={16} />
          </button>
        ) : null}
      </span>
      <span className="job-kind" aria-hidden="true">
        <Icon name={job.kind === 'video' ? 'video' : job.kind === 'ad' ? 'ad' : 'image'} size={18} />
      </span>
      <div className="job-main">
        <TruncatedText as="p" className="job-title" text={prompt} shortened={prompt !== job.title}>
          {job.title}
        </TruncatedText>
        <p className="job-meta">
          {jobSpec(job)} · {formatRelative(job.createdAt)}
          {job.source?.type === 'chat' ? ' · from chat' : ''}
        </p>
        {active && !waiting ? (
          <div
            className="job-progress"
            role="progressbar"
            aria-label={`${job.title} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(job.progress)}
          >
            <span className="job-progress-fill" style={{ width: `${Math.max(3, job.progress)}%` }} />
          </div>
        ) : null}
        {active ? <JobTiming job={job} waiting={waiting} /> : null}
        {unknown ? <UnknownOutcome job={job} /> : null}
        {heldForCredits ? <CreditsAdvice job={job} /> : null}
        {job.error && !unknown && !heldForCredits ? (
          // The creator's own cancel or spending cap is a note, not a failure.
          <p className={isOwnChoice(job) ? 'job-note' : 'job-error'}>
            {job.error.message}
            {job.error.refunded && !/refund/i.test(job.error.message) ? ' Credits were refunded.' : ''}
          </p>
        ) : null}
        {job.resumesAt && active ? <p className="job-meta">{resumesText(job.resumesAt)}</p> : null}
      </div>
      <div className="job-outputs-cell">{job.status === 'succeeded' ? <JobOutputs job={job} /> : null}</div>
      <div className="job-side">
        <Badge tone={status.tone}>{status.label}</Badge>
        <span className="job-credits">{creditsLabel(job)}</span>
      </div>
      <div className="job-actions">
        {waiting && !first ? <IconButton icon="toFront" label="Run next" onClick={() => void runNext(job).then(report)} /> : null}
        <RemixJobButton request={job.request} />
        {active ? <IconButton icon="x" label="Cancel job" onClick={() => void run('cancel')} /> : null}
        {(job.status === 'failed' && !unknown) || job.status === 'cancelled' ? (
          <IconButton icon="retry" label="Retry job" onClick={() => void run('retry')} />
        ) : null}
        {!active ? <IconButton icon="trash" label="Remove job" onClick={() => void run('remove')} /> : null}
      </div>
    </li>
  )
})
