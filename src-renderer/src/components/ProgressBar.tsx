/** A slim determinate bar (role=progressbar) with its value said as text; the fill is styled by `className`. */
export function ProgressBar({ label, value, max = 100, valueText, className }: { label: string; value: number; max?: number; valueText: string; className?: string }) {
  const pct = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0
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
