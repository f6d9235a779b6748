/**
 * Which truncated text shows its full-text tooltip, shared by every TruncatedText. Nothing is
 * measured until someone points at or focuses a text (the Library shows hundreds of them, and
 * scrolling must not touch any of them): then one layout read says whether it is cut. At most
 * one tooltip is up at a time, and only it is observed for resizes, by one shared
 * ResizeObserver. Listeners are on the document, passive: no key is ever taken, Escape only
 * hides the tooltip on its way to the grid, the viewer or the dialog it was meant for.
 */

/** Where a text's tooltip goes (its box), or null to hide it. */
export type Reveal = (anchor: DOMRect | null) => void

interface Watched {
  reveal: Reveal
  /** Clamped to lines (cut by height) rather than one line (cut by width). */
  clamped: boolean
  /** What shows is already a shortened form (a job's title): the tooltip has more, cut or not. */
  shortened: boolean
}

/** Marks a TruncatedText's element, for finding the one inside a focused button or link. */
export const TRUNCATED_TEXT_ATTR = 'data-truncated-text'

const watched = new WeakMap<Element, Watched>()
let shown: { el: HTMLElement; byFocus: boolean } | null = null
let pending: { el: HTMLElement; timer: ReturnType<typeof setTimeout> } | null = null
let lastHiddenAt = -Infinity
let resizes: ResizeObserver | null = null
let listening = false

/** Cut by its own box. One pixel of slack: sub-pixel widths round either way. */
export function isTruncated(el: HTMLElement, clamped: boolean): boolean {
  return clamped ? el.scrollHeight > el.clientHeight + 1 : el.scrollWidth > el.clientWidth + 1
}

/** Registers a text (cheap: no measuring, no observer); the returned function forgets it. */
export function watchTruncation(el: HTMLElement, clamped: boolean, reveal: Reveal, shortened = false): () => void {
  listenOnce()
  watched.set(el, { reveal, clamped, shortened })
  return () => {
    cancelPending(el)
    if (shown?.el === el) hide()
    watched.delete(el)
  }
}

/**
 * The pointer is on the text: its tooltip after `delayMs`, or at once when another one just
 * closed (moving along a row of names, as Radix's skip delay does for the other tooltips).
 */
export function hoverStart(el: HTMLElement, delayMs: number, skipDelayMs: number): void {
  cancelPending()
  const wait = performance.now() - lastHiddenAt < skipDelayMs ? 0 : delayMs
  pending = { el, timer: setTimeout(() => show(el, false), wait) }
}

/** The pointer left, or pressed (a click or a drag-out is not held up by a tooltip). */
export function hoverEnd(el: HTMLElement): void {
  cancelPending(el)
  if (shown?.el === el && !shown.byFocus) hide()
}

function show(el: HTMLElement, byFocus: boolean): void {
  pending = null
  const entry = watched.get(el)
  if (!entry || !el.isConnected || !(entry.shortened || isTruncated(el, entry.clamped))) return
  if (shown && shown.el !== el) hide()
  shown = { el, byFocus }
  resizes ??= new ResizeObserver(onResize)
  resizes.observe(el)
  entry.reveal(el.getBoundingClientRect())
}

function hide(): void {
  if (!shown) return
  const { el } = shown
  shown = null
  lastHiddenAt = performance.now()
  resizes?.unobserve(el)
  watched.get(el)?.reveal(null)
}

function cancelPending(el?: HTMLElement): void {
  if (!pending || (el && pending.el !== el)) return
  clearTimeout(pending.timer)
  pending = null
}

/** The open one was resized (window, sidebar, zoom): follow it, or hide it once it fits. */
function onResize(): void {
  if (!shown) return
  const { el } = shown
  const entry = watched.get(el)
  if (entry && (entry.shortened || isTruncated(el, entry.clamped))) entry.reveal(el.getBoundingClientRect())
  else hide()
}

/** What can take focus: a text's own button, link or row is the nearest of these around it. */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]'

/**
 * Keyboard focus (:focus-visible, as the other tooltips) on a text's own button, link or row
 * shows it at once. Only its own: a dialog focused as it opens, or a list, holds many texts
 * and names none of them.
 */
function onFocusIn(event: FocusEvent): void {
  const target = event.target
  if (!(target instanceof HTMLElement) || !target.matches(':focus-visible') || target.matches('[role="dialog"], [role="alertdialog"]')) return
  const el = target.querySelector<HTMLElement>(`[${TRUNCATED_TEXT_ATTR}]`)
  if (el && el.closest(FOCUSABLE) === target) show(el, true)
}

function onFocusOut(): void {
  if (shown?.byFocus) hide()
}

/** Hidden, never taken: no preventDefault, no stopPropagation (the grid clears its selection too). */
function onKeyDown(event: KeyboardEvent): void {
  if (event.key === 'Escape') {
    cancelPending()
    hide()
  }
}

/** The text moved under a fixed tooltip: hide it rather than follow every frame of a scroll. */
function onScroll(): void {
  cancelPending()
  hide()
}

function listenOnce(): void {
  if (listening) return
  listening = true
  document.addEventListener('focusin', onFocusIn)
  document.addEventListener('focusout', onFocusOut)
  // Capture: the grid and the viewer stop the keys they handle; this only looks, and first.
  document.addEventListener('keydown', onKeyDown, { capture: true })
  document.addEventListener('scroll', onScroll, { capture: true, passive: true })
}
