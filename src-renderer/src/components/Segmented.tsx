import { useRef, type KeyboardEvent, type ReactNode } from 'react'

export interface SegmentOption<T extends string | number> {
  value: T
  label: ReactNode
  /** Accessible name when the label is not plain text. */
  name?: string
  disabled?: boolean
}

export interface SegmentedProps<T extends string | number> {
  label: string
  value: T
  options: ReadonlyArray<SegmentOption<T>>
  onChange(value: T): void
  variant?: 'segmented' | 'chips'
  className?: string
  id?: string
  describedBy?: string
}

/** A radio group with arrow-key navigation (roving tab index). */
export function Segmented<T extends string | number>({
  label,
  value,
  options,
  onChange,
  variant = 'segmented',
  className,
  id,
  describedBy
}: SegmentedProps<T>) {
  const refs = useRef<Array<HTMLButtonElement | null>>([])
  const enabled = options.map((o, i) => (o.disabled ? -1 : i)).filter((i) => i >= 0)
  const current = Math.max(0, options.findIndex((o) => o.value === value))

  const onKey = (e: KeyboardEvent) => {
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0
    if (!dir || enabled.length === 0) return
    e.preventDefault()
    const pos = enabled.indexOf(current)
    const next = enabled[(pos + dir + enabled.length) % enabled.length]
    onChange(options[next].value)
    refs.current[next]?.focus()
  }

  return (
    <div
      role="radiogroup"
      aria-label={label}
      aria-describedby={describedBy}
      id={id}
      className={[variant, className].filter(Boolean).join(' ')}
      onKeyDown={onKey}
    >
      {options.map((o, i) => {
        const checked = i === current
        return (
          <button
            key={String(o.value)}
            ref={(el) => {
              refs.current[i] = el
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={o.name}
            tabIndex={checked ? 0 : -1}
            disabled={o.disabled}
            className={variant === 'chips' ? 'chip' : 'segment'}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </button>
        )
      })}
    </div>
  )
}
