import { memo } from 'react'
import { Badge } from '../../components/Badge'
import { IconButton } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { formatRelative } from '../../lib/format'
import { useAppStore } from '../../stores/app'
import { isActiveJob, jobById, useQueueStore } from '../../stores/queue'
import { RemixJobButton } from '../create/RemixButton'
import { JobOutputs } from './JobOutputs'
import { creditsLabel, isOwnChoice, isUnknownOutcome, jobSpec, STATUS_VIEW, UNKNOWN_VIEW } from './job-view'
import { UnknownOutcome } from './UnknownOutcome'

/** Krev asked us to wait (rate limit): say when the job goes on by itself. */
function resumesText(iso: string): string {
  const when = formatRelative(iso)
  return when === 'just now' || !when ? 'Resumes in a moment' : `Resumes ${when}`
}

/**
 * One row, subscribed to its own job only: progress on another job leaves it alone.
 * `index` and `measure` come from the virtual list (the row reports its own height).
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
  const act = useQueueStore((s) => s.act)
  const pushNotice = useAppStore((s) => s.pushNotice)
  if (!job) return null
  const unknown = isUnknownOutcome(job)
  const status = unknown ? UNKNOWN_VIEW : STATUS_VIEW[job.status]
  const active = isActiveJob(job)
  const run = async (action: 'cancel' | 'retry' | 'remove') => {
    const error = await act(action, job.id)
    if (error) pushNotice({ level: 'error', message: error })
  }
  return (
    <li ref={measure} data-index={index} style={{ transform: `translateY(${start}px)` }} className={`job job-${job.status}${unknown ? ' job-unknown' : ''}`}>
      <span className="job-kind" aria-hidden="true">
        <Icon name={job.kind === 'video' ? 'video' : job.kind === 'ad' ? 'ad' : 'image'} size={18} />
      </span>
      <div className="job-main">
        <p className="job-title" title={job.title}>
          {job.title}
        </p>
        <p className="job-meta">
          {jobSpec(job)} · {formatRelative(job.createdAt)}
        </p>
        {active && job.status !== 'paused' ? (
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
        {unknown ? <UnknownOutcome job={job} /> : null}
        {job.error && !unknown ? (
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
