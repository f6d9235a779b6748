import { useRef, useState, type ReactNode } from 'react'
import { Dialog } from 'radix-ui'
import '../styles/modal.css'
import { takeHandedEscape } from './escape-handoff'

export interface ModalProps {
  /** The dialog's accessible name (Dialog.Title, visually hidden unless `showTitle`). */
  title: string
  showTitle?: boolean
  onClose(): void
  className?: string
  children: ReactNode
}

/**
 * A modal dialog that is open while it is mounted: Radix traps focus, closes on Escape or a
 * click outside, hides the rest from screen readers and restores focus on close. Focus
 * goes back to what had it when the dialog opened (callers open it from state, with no
 * Dialog.Trigger for Radix to return to). Opening focuses the dialog itself, not its first
 * button: a screen reader reads the dialog's name first, Tab then walks its controls, and no
 * tooltip pops up on a Close button nobody chose. Escape closes it even while a toast is up
 * (see escape-handoff).
 */
export function Modal({ title, showTitle = false, onClose, className, children }: ModalProps) {
  const [returnTo] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))
  const content = useRef<HTMLDivElement>(null)
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content
          className={['modal', className].filter(Boolean).join(' ')}
          ref={content}
          aria-describedby={undefined}
          data-modal=""
          onKeyDown={(e) => {
            if (e.key === 'Escape' && takeHandedEscape(e.nativeEvent)) onClose()
          }}
          onOpenAutoFocus={(e) => {
            e.preventDefault()
            content.current?.focus()
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault()
            if (returnTo?.isConnected) returnTo.focus()
          }}
        >
          <Dialog.Title className={showTitle ? 'modal-title' : 'sr-only'}>{title}</Dialog.Title>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

/** A button that closes the enclosing Modal. */
export const ModalClose = Dialog.Close
