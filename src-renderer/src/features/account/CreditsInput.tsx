import type { FieldControlProps } from '../../components/Field'

export interface CreditsInputProps extends FieldControlProps {
  value: number
  /** NaN while the box is empty: validation says what to type instead of saving a guess. */
  onChange(value: number): void
}

/** A whole number of credits (0–1,000,000) for a settings Field. */
export function CreditsInput({ value, onChange, ...control }: CreditsInputProps) {
  return (
    <input
      {...control}
      className="input input-narrow"
      type="number"
      inputMode="numeric"
      min={0}
      max={1000000}
      step={10}
      value={Number.isFinite(value) ? value : ''}
      onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
    />
  )
}
