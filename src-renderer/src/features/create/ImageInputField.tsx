import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Button } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { Popover } from '../../components/Popover'
import { isStudioError } from '../../api/client'
import { inputFromUrl, pastedUrlProblem, type ImageInput } from './image-input'
import { LibraryChoices, ProductChoices } from './ImageChoices'

interface Props {
  label: string
  /** The API default in words, e.g. "None — Krev styles from the prompt alone". */
  hint: string
  inputs: ImageInput[]
  max: number
  onChange(inputs: ImageInput[]): void
}

const describe = (e: unknown): string =>
  isStudioError(e) || e instanceof Error ? e.message : 'That image could not be added. Try another.'

/**
 * Image inputs as compact chips (thumbnail, name, remove) with three ways to add one: a
 * Library output, a catalogue picture, or a pasted https link. One control for reference
 * images (up to 8), a video's source image and an ad's inspiration (one each).
 */
export function ImageInputField({ label, hint, inputs, max, onChange }: Props) {
  const id = useId()
  const [pasting, setPasting] = useState(false)
  const [draftUrl, setDraftUrl] = useState('')
  const [error, setError] = useState<string | null>(null)
  const full = inputs.length >= max
  // Closing the link box puts focus back on "Paste URL", not on the page.
  const addRow = useRef<HTMLDivElement>(null)
  const [refocus, setRefocus] = useState(false)
  useEffect(() => {
    if (!refocus || pasting) return
    addRow.current?.querySelector<HTMLButtonElement>('button[data-paste]')?.focus()
    setRefocus(false)
  }, [refocus, pasting])
  const closePaste = () => {
    setPasting(false)
    setRefocus(true)
  }
  const single = max === 1

  const add = (input: ImageInput) => {
    setError(null)
    if (inputs.some((i) => i.url === input.url)) return
    onChange(single ? [input] : [...inputs, input].slice(0, max))
  }
  const addAsync = (pending: Promise<ImageInput>) =>
    pending.then(add, (e: unknown) => setError(describe(e)))

  const addPasted = () => {
    const problem = pastedUrlProblem(draftUrl)
    if (problem) return setError(problem)
    add(inputFromUrl(draftUrl.trim()))
    setDraftUrl('')
    closePaste()
  }
  const onUrlKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      addPasted()
    } else if (e.key === 'Escape') {
      e.preventDefault()
      closePaste()
      setError(null)
    }
  }

  const count = single ? '' : ` (${inputs.length} of ${max})`
  return (
    <div className="control-block image-inputs" role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`}>
      <span className="control-label" id={`${id}-label`}>
        {label} {count ? <span className="control-aside">{count.trim()}</span> : null}
      </span>
      {inputs.length > 0 ? (
        <ul className="image-chips" aria-label={label}>
          {inputs.map((input) => (
            <li key={input.url} className="image-chip">
              <span className="picker-thumb">
                {input.thumbUrl ? <img src={input.thumbUrl} alt="" draggable={false} /> : <Icon name={input.origin === 'url' ? 'external' : 'image'} size={14} />}
              </span>
              <span className="image-chip-name" title={input.url}>
                {input.label}
              </span>
              <button
                type="button"
                className="image-chip-remove"
                aria-label={`Remove ${input.label}`}
                onClick={() => onChange(inputs.filter((i) => i.url !== input.url))}
              >
                <Icon name="x" size={12} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {pasting ? (
        <div className="image-paste">
          <input
            className="input"
            type="url"
            inputMode="url"
            aria-label={`${label}: image link`}
            placeholder="https://…/image.jpg"
            value={draftUrl}
            autoFocus
            onChange={(e) => setDraftUrl(e.target.value)}
            onKeyDown={onUrlKey}
          />
          <Button size="sm" variant="primary" onClick={addPasted}>
            Add link
          </Button>
          <Button size="sm" variant="ghost" onClick={() => (closePaste(), setError(null))}>
            Cancel
          </Button>
        </div>
      ) : (
        <div className="image-add" aria-label={`Add ${label.toLowerCase()}`} role="group" ref={addRow}>
          <Popover label="Add from Library" trigger={<Button size="sm" icon="library" disabled={full && !single}>Add from Library</Button>}>
            <LibraryChoices onPick={addAsync} />
          </Popover>
          <Popover label="Add product image" trigger={<Button size="sm" icon="products" disabled={full && !single}>Add product image</Button>}>
            <ProductChoices onPick={addAsync} />
          </Popover>
          <Button size="sm" icon="plus" data-paste disabled={full && !single} onClick={() => (setPasting(true), setError(null))}>
            Paste URL
          </Button>
        </div>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  )
}
