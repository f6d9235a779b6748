import { percent } from '../lib/format'

/** A slim determinate bar (role=progressbar) with its value said as text; the fill is styled by `className`. */
export function ProgressBar({ label, value, max = 100, valueText, className }: { label: string; value: number; max?: number; valueText: string; className?: string }) {
  const pct = percent(value, max)
  return (
    <div
      className={['progress-bar', className].filter(Boolean).join(' ')}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
    >
      <span style={{ width: `${pct}%` }} />
    </div>
  )
}
