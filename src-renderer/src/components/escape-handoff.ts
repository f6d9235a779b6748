/**
 * Radix gives Escape to its topmost layer only (the newest DismissableLayer listens on the
 * document). A toast is such a layer, so one raised while a dialog is open sat above it and
 * took the Escape meant for the dialog focus is in, for as long as the toast showed. The
 * toast hands such an Escape down instead: it stays up, and the innermost Modal that sees
 * the key bubble through it closes.
 */
const handedDown = new WeakSet<Event>()

/**
 * A toast's `onEscapeKeyDown`: an Escape pressed inside a Modal (its content carries
 * `data-modal`) is the Modal's. Popovers are left as they were: Escape closes the toast.
 */
export function handEscapeToDialog(event: KeyboardEvent): void {
  const target = event.target
  if (!(target instanceof Element) || !target.closest('[data-modal]')) return
  // Prevented, so the toast keeps itself open; marked, so the dialog still knows it is its.
  event.preventDefault()
  handedDown.add(event)
}

/** True once for an Escape a toast handed down: the first (innermost) dialog to ask takes it. */
export function takeHandedEscape(event: Event): boolean {
  return handedDown.delete(event)
}
