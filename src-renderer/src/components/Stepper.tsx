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
      <Tooltip label={`Decrease ${label.toLowerCase()}`}>
        <button
          type="button"
          className="stepper-btn"
          aria-label="Decrease"
          aria-controls={id}
          disabled={value <= min}
          onClick={() => onChange(Math.max(min, value - 1))}
        >
          −
        </button>
      </Tooltip>
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
      <Tooltip label={`Increase ${label.toLowerCase()}`}>
        <button
          type="button"
          className="stepper-btn"
          aria-label="Increase"
          aria-controls={id}
          disabled={value >= max}
          onClick={() => onChange(Math.min(max, value + 1))}
        >
          +
        </button>
      </Tooltip>
    </div>
  )
}
