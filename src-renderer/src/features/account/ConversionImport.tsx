import { useRef, useState } from 'react'
import { errorMessage, invoke } from '../../api/client'
import { Button } from '../../components/Button'
import { Callout } from '../../components/Callout'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Icon } from '../../components/Icon'
import { formatBytes, plural } from '../../lib/format'
import { CSV_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, parseConversionFile, type ImportResult } from './conversion-import'

const SHOWN_ERRORS = 50

type Parsed = Extract<ImportResult, { ok: true }> & { fileName: string }

/** Batch import: pick a JSON or CSV file, review what parsed, send the valid events. */
export function ConversionImport() {
  const input = useRef<HTMLInputElement>(null)
  const [parsed, setParsed] = useState<Parsed | null>(null)
  const [fatal, setFatal] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)

  const onFile = async (file: File) => {
    setParsed(null)
    setFatal(null)
    setResult(null)
    if (file.size > MAX_IMPORT_BYTES) {
      setFatal(`This file is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}.`)
      return
    }
    let text: string
    try {
      text = await file.text()
    } catch {
      setFatal('This file couldn’t be read.')
      return
    }
    const out = parseConversionFile(file.name, text)
    if (out.ok) setParsed({ ...out, fileName: file.name })
    else setFatal(out.message)
  }

  const send = async () => {
    if (!parsed || parsed.events.length === 0) return
    setSending(true)
    setResult(null)
    try {
      const out = await invoke('conversions.send', { events: parsed.events })
      setResult({ tone: 'success', text: `Meta received ${plural(out.eventsReceived, 'event')}.` })
      setParsed(null)
    } catch (e) {
      setResult({ tone: 'error', text: errorMessage(e) })
    } finally {
      setSending(false)
    }
  }

  return (
    <div className="card card-stack conv-import">
      <div className="conv-import-head">
        <span className="acct-card-icon conv-import-icon" aria-hidden="true">
          <Icon name="file" size={18} />
        </span>
        <div>
          <p className="conv-import-title">Import a batch</p>
          <p className="conv-help">
            A JSON file (one event or a list) or a CSV with a header row. Up to {MAX_IMPORT_ROWS.toLocaleString('en-US')}{' '}
            events at a time.
          </p>
        </div>
        <label className="btn btn-secondary btn-md file-btn">
          <Icon name="upload" size={16} />
          <span className="btn-label">Choose file</span>
          <input
            ref={input}
            className="sr-only"
            type="file"
            accept=".json,.csv,application/json,text/csv"
            aria-label="Import file"
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) void onFile(file)
            }}
          />
        </label>
      </div>
      <p className="conv-columns">
        <span>CSV columns</span>
        <code>{CSV_COLUMNS.join(',')}</code>
      </p>

      <ErrorAlert error={fatal} title="This file can’t be imported" />

      {parsed ? (
        <div className="conv-review">
          <p className="conv-review-line">
            <strong>{parsed.fileName}</strong> · {plural(parsed.events.length, 'event')} ready
            {parsed.errors.length ? ` · ${plural(parsed.errors.length, 'row')} with problems` : ''}
          </p>
          {parsed.errors.length ? (
            <ul className="row-errors" aria-label="Rows with problems">
              {parsed.errors.slice(0, SHOWN_ERRORS).map((e) => (
                <li key={e.label}>
                  <span className="row-label">{e.label}</span>
                  <span>{e.message}</span>
                </li>
              ))}
              {parsed.errors.length > SHOWN_ERRORS ? (
                <li className="row-more">…and {parsed.errors.length - SHOWN_ERRORS} more</li>
              ) : null}
            </ul>
          ) : null}
          <div className="form-actions">
            {parsed.errors.length ? (
              <span className="form-status">Rows with problems are skipped.</span>
            ) : null}
            <Button variant="ghost" onClick={() => setParsed(null)}>
              Clear
            </Button>
            <Button variant="primary" icon="send" loading={sending} disabled={parsed.events.length === 0} onClick={() => void send()}>
              {`Send ${plural(parsed.events.length, 'valid event')}`}
            </Button>
          </div>
        </div>
      ) : null}

      {result ? (
        <Callout tone={result.tone} role={result.tone === 'error' ? 'alert' : 'status'}>
          {result.text}
        </Callout>
      ) : null}
    </div>
  )
}
