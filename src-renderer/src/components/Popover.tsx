import type { ReactNode } from 'react'
import { Popover as RadixPopover } from 'radix-ui'

/**
 * A small non-modal panel anchored to its trigger (Radix Popover): Escape or a click
 * outside closes it and focus returns to the trigger.
 */
export function Popover({ trigger, label, children }: { trigger: ReactNode; label: string; children: ReactNode }) {
  return (
    <RadixPopover.Root>
      <RadixPopover.Trigger asChild>{trigger}</RadixPopover.Trigger>
      <RadixPopover.Portal>
        <RadixPopover.Content className="popover" aria-label={label} sideOffset={6} align="start" collisionPadding={12}>
          {children}
        </RadixPopover.Content>
      </RadixPopover.Portal>
    </RadixPopover.Root>
  )
}

/** A button inside a Popover that closes it. */
export const PopoverClose = RadixPopover.Close
