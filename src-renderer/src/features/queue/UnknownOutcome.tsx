import { useState } from 'react'
import type { Job } from '../../../../src-preload/contract'
import { Button } from '../../components/Button'
import { formatDateTime } from '../../lib/format'
import { useAppStore } from '../../stores/app'
import { useQueueStore } from '../../stores/queue'
import { checkSentence, maybeChargedText, STATUS_VIEW } from './job-view'

/**
 * A job whose POST may have reached Krev before the connection dropped: what is known
 * (when it was sent, the estimate, that it may have been charged), "Check balance" and
 * "Run again" (a new job; this one is never sent again).
 */
export function UnknownOutcome({ job }: { job: Job }) {
  const check = useQueueStore((s) => s.checks[job.id])
  const checkUnknown = useQueueStore((s) => s.checkUnknown)
  const act = useQueueStore((s) => s.act)
  const rerun = useQueueStore((s) => (job.rerunAs ? s.jobs.find((j) => j.id === job.rerunAs) : undefined))
  const pushNotice = useAppStore((s) => s.pushNotice)
  const [busy, setBusy] = useState<'check' | 'run' | null>(null)

  const run = async (what: 'check' | 'run') => {
    setBusy(what)
    const error = what === 'check' ? await checkUnknown(job.id) : await act('runAgain', job.id)
    setBusy(null)
    if (error) pushNotice({ level: 'error', message: error })
  }

  return (
    <div className="job-unknown-facts">
      <p className="job-unknown-charge">{maybeChargedText(job)}</p>
      <p className="job-meta">
        {job.sentAt ? `Sent ${formatDateTime(job.sentAt)}. ` : ''}
        The connection dropped before Krev answered, so it was not sent again.
      </p>
      {check ? (
        <p className="job-unknown-check" role="status">
          {checkSentence(check)}
        </p>
      ) : null}
      <div className="job-unknown-actions">
        <Button size="sm" icon="coins" loading={busy === 'check'} onClick={() => void run('check')}>
          Check balance
        </Button>
        {job.rerunAs ? (
          <span className="job-meta">Re-run as a new job{rerun ? ` (${STATUS_VIEW[rerun.status].label})` : ''}</span>
        ) : (
          <Button size="sm" icon="retry" loading={busy === 'run'} onClick={() => void run('run')}>
            Run again
          </Button>
        )}
      </div>
    </div>
  )
}
