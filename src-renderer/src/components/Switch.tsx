export interface SwitchProps {
  label: string
  checked: boolean
  onChange(checked: boolean): void
  description?: string
  disabled?: boolean
}

/** An on/off control with its label to the left, as in system settings. */
export function Switch({ label, checked, onChange, description, disabled }: SwitchProps) {
  return (
    <label className="switch-row">
      <span className="switch-text">
        <span className="switch-label">{label}</span>
        {description ? <span className="switch-desc">{description}</span> : null}
      </span>
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={label}
        disabled={disabled}
        className="switch"
        onClick={() => onChange(!checked)}
      >
        <span className="switch-thumb" />
      </button>
    </label>
  )
}
