import { percent } from '../lib/format'

export interface MeterProps {
  label: string
  value: number
  max: number
  /** Human text for assistive tech, e.g. "1,840 of 2,500 credits". */
  valueText: string
  tone?: 'accent' | 'warning' | 'danger'
}

/** A slim usage bar. */
export function Meter({ label, value, max, valueText, tone = 'accent' }: MeterProps) {
  const pct = percent(value, max)
  return (
    <div
      className={`meter meter-${tone}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max > 0 ? max : 1}
      aria-valuenow={Math.max(0, Math.min(value, max > 0 ? max : 1))}
      aria-valuetext={valueText}
    >
      <div className="meter-fill" style={{ width: `${pct}%` }} />
    </div>
  )
}
