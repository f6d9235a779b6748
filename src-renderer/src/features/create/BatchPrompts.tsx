import { useRef, useState } from 'react'
import { Button } from '../../components/Button'
import { Field } from '../../components/Field'
import { TruncatedText } from '../../components/TruncatedText'
import { plural } from '../../lib/format'
import { useBatchStore } from '../../stores/batch'
import { useProductsStore } from '../../stores/products'
import { CSV_HEADERS } from './batch-prompts'

const MAX_FILE_BYTES = 2 * 1024 * 1024

/** Prompts mode: pasted one per line, or a CSV / text file loaded from disk. */
export function BatchPrompts() {
  const text = useBatchStore((s) => s.text)
  const file = useBatchStore((s) => s.file)
  const patch = useBatchStore((s) => s.patch)
  const loadFile = useBatchStore((s) => s.loadFile)
  const clearFile = useBatchStore((s) => s.clearFile)
  const input = useRef<HTMLInputElement>(null)
  const [readError, setReadError] = useState<string | null>(null)

  const onFile = async (f: File | undefined) => {
    setReadError(null)
    if (!f) return
    if (f.size > MAX_FILE_BYTES) return setReadError(`${f.name} is larger than 2 MB: that is far more prompts than one batch takes.`)
    try {
      loadFile(f.name, await f.text(), useProductsStore.getState().items)
    } catch {
      setReadError(`${f.name} could not be read.`)
    }
  }

  return (
    <div className="batch-prompts">
      {file ? (
        <div className="batch-file" role="group" aria-label="Loaded file">
          <TruncatedText className="batch-file-name" text={file.name} />
          <span className="batch-file-count">{plural(file.parsed.rows.length, 'prompt')}</span>
          <Button size="sm" variant="ghost" icon="x" onClick={clearFile}>
            Remove
          </Button>
        </div>
      ) : (
        <Field label="Prompts" aside="One per line" hint={`Or load a CSV file with a “prompt” column; optional columns: ${CSV_HEADERS.slice(1).join(', ')}.`}>
          {(p) => (
            <textarea
              {...p}
              className="input textarea batch-lines"
              rows={5}
              value={text}
              placeholder={'Leather wallet on dark marble\nThe same wallet in a gift box\nFlat lay with a watch and keys'}
              onChange={(e) => patch({ text: e.target.value })}
            />
          )}
        </Field>
      )}
      <div className="batch-load">
        <Button size="sm" icon="file" onClick={() => input.current?.click()}>
          {file ? 'Load another file…' : 'Load CSV or text file…'}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          hidden
          aria-label="Prompts file"
          onChange={(e) => {
            void onFile(e.target.files?.[0])
            e.target.value = ''
          }}
        />
        {readError ? (
          <span className="batch-read-error" role="alert">
            {readError}
          </span>
        ) : null}
      </div>
    </div>
  )
}
