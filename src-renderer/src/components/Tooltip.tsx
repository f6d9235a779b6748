import type { FocusEvent, ReactElement, ReactNode } from 'react'
import { Tooltip as RadixTooltip } from 'radix-ui'

/**
 * A tooltip on Radix: shown on hover after a short delay and at once on keyboard focus,
 * dismissed by Escape, announced as the trigger's description. It never names the trigger:
 * icon buttons keep their own aria-label (the visible tooltip repeats it for sighted users,
 * where a native `title` would show a second, unstyled one).
 */
export function Tooltip({ label, children, side = 'top' }: { label: ReactNode; children: ReactElement; side?: 'top' | 'bottom' | 'left' | 'right' }) {
  return (
    <RadixTooltip.Root>
      <RadixTooltip.Trigger asChild onFocus={onlyVisibleFocus}>
        {children}
      </RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content className="tooltip" side={side} sideOffset={6} collisionPadding={8}>
          {label}
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  )
}

/**
 * Focus a dialog moves programmatically (its first button, after a click) is not the
 * creator's: no tooltip then. Keyboard focus (:focus-visible) still shows it at once.
 */
function onlyVisibleFocus(event: FocusEvent<HTMLElement>): void {
  if (!event.currentTarget.matches(':focus-visible')) event.preventDefault()
}

/** How long the pointer rests before a tooltip shows; TruncatedText waits as long. */
export const TOOLTIP_DELAY_MS = 500
/** A tooltip closed less than this ago: the next one shows at once. */
export const TOOLTIP_SKIP_DELAY_MS = 300

/** Once at the root: one delay for every tooltip, and moving between triggers skips it. */
export function TooltipProvider({ children }: { children: ReactNode }) {
  return (
    <RadixTooltip.Provider delayDuration={TOOLTIP_DELAY_MS} skipDelayDuration={TOOLTIP_SKIP_DELAY_MS}>
      {children}
    </RadixTooltip.Provider>
  )
}
