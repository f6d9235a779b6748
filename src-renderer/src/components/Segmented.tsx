import type { ReactNode } from 'react'
import { RadioGroup } from 'radix-ui'

export interface SegmentOption<T extends string | number> {
  value: T
  label: ReactNode
  /** Accessible name when the label is not plain text; it must start with the visible text. */
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

/** One choice of a few, as segments or chips: a Radix radio group (arrow keys, roving focus). */
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
  return (
    <RadioGroup.Root
      aria-label={label}
      aria-describedby={describedBy}
      id={id}
      orientation="horizontal"
      loop
      className={[variant, className].filter(Boolean).join(' ')}
      value={String(value)}
      onValueChange={(v) => {
        const picked = options.find((o) => String(o.value) === v)
        if (picked) onChange(picked.value)
      }}
    >
      {options.map((o) => (
        <RadioGroup.Item
          key={String(o.value)}
          value={String(o.value)}
          aria-label={o.name}
          disabled={o.disabled}
          className={variant === 'chips' ? 'chip' : 'segment'}
        >
          {o.label}
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  )
}
