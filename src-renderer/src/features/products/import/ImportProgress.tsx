import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ImportBatch, ImportEntry } from '../../../../../src-preload/contract'
import { Button, IconButton } from '../../../components/Button'
import { Icon } from '../../../components/Icon'
import { ProgressBar } from '../../../components/ProgressBar'
import { Spinner } from '../../../components/Spinner'
import { TruncatedText } from '../../../components/TruncatedText'
import { useProductsStore } from '../../../stores/products'
import { overall } from './import-problems'

const STATUS: Record<ImportEntry['status'], string> = {
  queued: 'Waiting',
  checking: 'Checking',
  uploading: 'Uploading',
  analysing: 'Removing background and reading details',
  done: 'Added',
  skipped: 'Skipped',
  failed: 'Failed',
  cancelled: 'Cancelled'
}

const working = (e: ImportEntry) => e.status === 'checking' || e.status === 'uploading' || e.status === 'analysing'

function EntryIcon({ entry }: { entry: ImportEntry }) {
  if (working(entry)) return <Spinner size={14} />
  if (entry.status === 'done') return <Icon name="success" size={16} className="import-ok" />
  if (entry.status === 'failed') return <Icon name="error" size={16} className="import-bad" />
  if (entry.status === 'skipped') return <Icon name="warning" size={16} className="import-warn" />
  return <Icon name="clock" size={16} className="import-idle" />
}

function EntryRow({ batchId, entry }: { batchId: string; entry: ImportEntry }) {
  const cancel = useProductsStore((s) => s.cancelImport)
  const retry = useProductsStore((s) => s.retryImport)
  const pct = Math.round(entry.percent)
  const label = entry.status === 'uploading' ? `Uploading ${pct}%` : STATUS[entry.status]
  return (
    <li className={`import-row is-${entry.status}`} data-status={entry.status}>
      <EntryIcon entry={entry} />
      <TruncatedText className="import-name" text={entry.fileName} />
      <span className="import-status">{entry.status === 'skipped' || entry.status === 'failed' ? entry.message || label : label}</span>
      <ProgressBar label={`${entry.fileName} upload`} value={pct} valueText={`${pct}%`} />
      <span className="import-pct">{pct}%</span>
      {entry.status === 'queued' || working(entry) ? (
        <IconButton icon="x" label={`Cancel ${entry.fileName}`} onClick={() => void cancel(batchId, entry.entryId)} />
      ) : entry.retryable && (entry.status === 'failed' || entry.status === 'cancelled') ? (
        <IconButton icon="retry" label={`Retry ${entry.fileName}`} onClick={() => void retry(batchId, entry.entryId)} />
      ) : (
        <span className="import-action-space" />
      )}
    </li>
  )
}

/** Every file being added: a row each with its percent, and the "12 / 50" bar over all. */
export function ImportProgress() {
  const { imports, cancel, clear, error } = useProductsStore(
    useShallow((s) => ({ imports: s.imports, cancel: s.cancelImport, clear: s.clearFinishedImports, error: s.importError }))
  )
  // The rows show while files are being added; once all are done they fold away (problems stay below).
  const [expanded, setExpanded] = useState<boolean | null>(null)
  if (imports.length === 0 && !error) return null
  const total = overall(imports)
  const showRows = expanded ?? total.active
  const active = imports.filter((b) => b.active)
  return (
    <section className="import-panel" aria-label="Adding products">
      {/* Said once per change of the totals, not for every percent of every row. */}
      <p className="sr-only" aria-live="polite">
        {total.uploaded} of {total.toUpload} uploaded{total.skipped ? `, ${total.skipped} skipped` : ''}
        {total.failed ? `, ${total.failed} failed` : ''}
      </p>
      <header className="import-head">
        <div className="import-summary">
          <strong className="import-count">
            {total.uploaded} / {total.toUpload}
          </strong>{' '}
          uploaded
          {total.skipped ? <span className="import-extra"> · {total.skipped} skipped</span> : null}
          {total.failed ? <span className="import-extra is-bad"> · {total.failed} failed</span> : null}
        </div>
        <ProgressBar
          label="All uploads"
          className="import-overall"
          value={total.uploaded}
          max={total.toUpload}
          valueText={`${total.uploaded} of ${total.toUpload} uploaded`}
        />
        <Button size="sm" variant="ghost" aria-expanded={showRows} onClick={() => setExpanded(!showRows)}>
          {showRows ? 'Hide files' : 'Show files'}
        </Button>
        {active.length > 0 ? (
          <Button size="sm" variant="ghost" onClick={() => active.forEach((b: ImportBatch) => void cancel(b.batchId))}>
            Cancel all
          </Button>
        ) : (
          <Button size="sm" variant="ghost" onClick={clear}>
            Done
          </Button>
        )}
      </header>
      {error ? (
        <p className="import-error" role="alert">
          {error}
        </p>
      ) : null}
      {showRows ? (
        <ul className="import-list" aria-label="Files">
          {imports.flatMap((b) => b.entries.map((e) => <EntryRow key={e.entryId} batchId={b.batchId} entry={e} />))}
        </ul>
      ) : null}
    </section>
  )
}
