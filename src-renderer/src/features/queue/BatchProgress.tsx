import { useEffect, useMemo } from 'react'
import { Button } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { Meter } from '../../components/Meter'
import { TruncatedText } from '../../components/TruncatedText'
import { formatNumber, plural } from '../../lib/format'
import { useAppStore } from '../../stores/app'
import { useBatchStore } from '../../stores/batch'
import { useQueueStore } from '../../stores/queue'
import { batchSummaries, unknownBatches, type BatchSummary } from './batch-progress'
import './batch-progress.css'

function BatchStrip({ b }: { b: BatchSummary }) {
  const cancelRest = useBatchStore((s) => s.cancelRest)
  const pushNotice = useAppStore((s) => s.pushNotice)
  const over = b.done + b.failed + b.cancelled
  const status = b.finished ? (b.done === b.total ? 'Done' : 'Finished') : b.waiting > 0 ? 'Waiting' : 'Running'
  return (
    <li className={`batch-strip${b.finished ? ' is-finished' : ''}`} aria-label={`Batch ${b.name}`}>
      <span className="batch-strip-icon" aria-hidden="true">
        <Icon name={b.finished && b.done === b.total ? 'check' : 'queue'} size={16} />
      </span>
      <div className="batch-strip-main">
        <p className="batch-strip-head">
          <TruncatedText className="batch-strip-name" text={b.name} />
          <span className="batch-strip-count">
            {b.done} / {b.total}
          </span>
          <span className="batch-strip-status">{status}</span>
        </p>
        <Meter
          label={`${b.name} progress`}
          value={over}
          max={b.total}
          valueText={`${b.done} of ${plural(b.total, 'job')} done`}
          tone={b.failed > 0 ? 'danger' : b.waiting > 0 ? 'warning' : 'accent'}
        />
        <p className="batch-strip-meta">
          <span>
            {formatNumber(b.spent)} of {formatNumber(b.estimate)} credits
          </span>
          {b.failed > 0 ? <span className="is-failed">{b.failed} failed</span> : null}
          {b.cancelled > 0 ? <span>{b.cancelled} cancelled</span> : null}
          {b.waiting > 0 ? <span className="is-waiting">{plural(b.waiting, 'job')} waiting on your spending cap</span> : null}
        </p>
      </div>
      {b.unsent > 0 ? (
        <Button
          size="sm"
          variant="ghost"
          icon="x"
          aria-label={`Cancel the rest of ${b.name}`}
          onClick={() =>
            void cancelRest(b.id).then((error) => {
              if (error) pushNotice({ level: 'error', message: error })
            })
          }
        >
          Cancel the rest
        </Button>
      ) : null}
    </li>
  )
}

/** One strip per batch with jobs in the queue: its name, done / total, failures, credits. */
export function BatchProgress() {
  const jobs = useQueueStore((s) => s.jobs)
  const batches = useBatchStore((s) => s.batches)
  const fetchBatches = useBatchStore((s) => s.fetchBatches)
  const summaries = useMemo(() => batchSummaries(jobs, batches), [jobs, batches])
  const unknown = useMemo(() => unknownBatches(jobs, batches).join(','), [jobs, batches])

  useEffect(() => {
    if (unknown) void fetchBatches()
  }, [unknown, fetchBatches])

  if (summaries.length === 0) return null
  return (
    <ul className="batch-strips" aria-label="Batches">
      {summaries.map((b) => (
        <BatchStrip key={b.id} b={b} />
      ))}
    </ul>
  )
}
