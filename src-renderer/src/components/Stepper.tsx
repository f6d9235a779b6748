import { useEffect, useState } from 'react'
import { Tooltip } from './Tooltip'

export interface StepperProps {
  id: string
  label: string
  value: number
  min: number
  max: number
  onChange(value: number): void
  describedBy?: string
}

/** A number input with − and + buttons; typed values are clamped on blur. */
export function Stepper({ id, label, value, min, max, onChange, describedBy }: StepperProps) {
  const [text, setText] = useState(String(value))
  useEffect(() => setText(String(value)), [value])

  const commit = (raw: string) => {
    const n = Math.round(Number(raw))
    const next = Number.isFinite(n) && raw.trim() !== '' ? Math.min(max, Math.max(min, n)) : value
    setText(String(next))
    if (next !== value) onChange(next)
  }

  return (
    <div className="stepper">
      <StepButton by={-1} {...{ id, label, value, min, max, onChange }} />
      <input
        id={id}
        className="stepper-input"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        aria-describedby={describedBy}
        onChange={(e) => setText(e.target.value)}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value)
        }}
      />
      <StepButton by={1} {...{ id, label, value, min, max, onChange }} />
    </div>
  )
}

/** − or +: one step toward a bound, kept within it; off once the value is at (or past) it. */
function StepButton({ by, id, label, value, min, max, onChange }: Omit<StepperProps, 'describedBy'> & { by: -1 | 1 }) {
  const name = by < 0 ? 'Decrease' : 'Increase'
  const atBound = by < 0 ? value <= min : value >= max
  return (
    <Tooltip label={`${name} ${label.toLowerCase()}`}>
      <button
        type="button"
        className="stepper-btn"
        aria-label={name}
        aria-controls={id}
        disabled={atBound}
        onClick={() => onChange(Math.min(max, Math.max(min, value + by)))}
      >
        {by < 0 ? '−' : '+'}
      </button>
    </Tooltip>
  )
}
