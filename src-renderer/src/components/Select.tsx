import { Select as RadixSelect } from 'radix-ui'
import type { FieldControlProps } from './Field'
import { Icon } from './Icon'

export interface SelectOption {
  value: string
  label: string
}

/**
 * A single-choice list on Radix Select, styled like the app's inputs: the trigger takes a
 * Field's id and aria props (so its label and hint name and describe it), the list opens
 * on Enter, Space or the arrows, typing a letter jumps to an option, Escape closes and
 * focus returns to the trigger.
 */
export function Select({
  control,
  value,
  options,
  onChange
}: {
  control: FieldControlProps
  value: string
  options: readonly SelectOption[]
  onChange(value: string): void
}) {
  return (
    <RadixSelect.Root value={value} onValueChange={onChange}>
      <RadixSelect.Trigger {...control} className="input select-trigger">
        <RadixSelect.Value />
        <RadixSelect.Icon className="select-icon">
          <Icon name="chevronDown" size={14} />
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content className="select-content" position="popper" sideOffset={4}>
          <RadixSelect.Viewport className="select-viewport">
            {options.map((o) => (
              <RadixSelect.Item key={o.value} value={o.value} className="select-item">
                <RadixSelect.ItemText>{o.label}</RadixSelect.ItemText>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  )
}
