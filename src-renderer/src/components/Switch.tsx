import { useId } from 'react'
import { Switch as RadixSwitch } from 'radix-ui'

export interface SwitchProps {
  label: string
  checked: boolean
  onChange(checked: boolean): void
  description?: string
  disabled?: boolean
}

/** An on/off control (Radix Switch) with its label to the left, as in system settings. */
export function Switch({ label, checked, onChange, description, disabled }: SwitchProps) {
  const descId = useId()
  return (
    <label className="switch-row">
      <span className="switch-text">
        <span className="switch-label">{label}</span>
        {description ? (
          <span className="switch-desc" id={descId}>
            {description}
          </span>
        ) : null}
      </span>
      <RadixSwitch.Root
        aria-label={label}
        aria-describedby={description ? descId : undefined}
        checked={checked}
        onCheckedChange={onChange}
        disabled={disabled}
        className="switch"
      >
        <RadixSwitch.Thumb className="switch-thumb" />
      </RadixSwitch.Root>
    </label>
  )
}
