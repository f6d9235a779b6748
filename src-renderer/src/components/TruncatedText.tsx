import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { hoverEnd, hoverStart, TRUNCATED_TEXT_ATTR, watchTruncation } from '../lib/truncation-watch'
import { TOOLTIP_DELAY_MS, TOOLTIP_SKIP_DELAY_MS } from './Tooltip'
import './truncated-text.css'

/** Room kept between the tooltip and the text, and between the tooltip and the window edge. */
const GAP = 6
const EDGE = 8

/**
 * A name, title or prompt that may not fit: one line with an ellipsis (or `lines` lines,
 * clamped). Only when it is actually cut does pointing at it (after the tooltips' delay), or
 * keyboard focus on its button, show the whole text in a tooltip. That tooltip is looks
 * only: aria-hidden (the full text is already in the DOM, so the accessible name stays what it
 * was), pointer-events none (clicks and drag-outs go to the tile), and it takes no key (see
 * truncation-watch). It is not a Radix Tooltip.Content: that one is a dismissable layer that
 * would take Escape from the Library grid and the viewer. Same look, same delay.
 */
export function TruncatedText({
  text,
  children,
  lines = 1,
  as: Tag = 'span',
  className,
  shortened = false
}: {
  /** The whole text: what the tooltip says, and what shows unless `children` is given. */
  text: string
  /** What shows, when richer than the text (search highlights, words for screen readers). */
  children?: ReactNode
  lines?: number
  as?: 'span' | 'p' | 'div'
  className?: string
  /** `children` is a shortened form of `text` (cut elsewhere): the tooltip shows even when it fits. */
  shortened?: boolean
}) {
  // One element type for the three tags (span and p add nothing a div lacks).
  const ref = useRef<HTMLDivElement>(null)
  const [anchor, setAnchor] = useState<DOMRect | null>(null)
  const clamped = lines > 1

  useEffect(() => {
    const el = ref.current
    return el ? watchTruncation(el, clamped, setAnchor, shortened) : undefined
  }, [clamped, shortened])

  const classes = ['truncated-text', clamped ? 'is-clamped' : '', className].filter(Boolean).join(' ')
  return (
    <>
      <Tag
        ref={ref}
        className={classes}
        style={clamped ? { WebkitLineClamp: lines } : undefined}
        {...{ [TRUNCATED_TEXT_ATTR]: '' }}
        onPointerEnter={(e) => e.pointerType !== 'touch' && hoverStart(e.currentTarget, TOOLTIP_DELAY_MS, TOOLTIP_SKIP_DELAY_MS)}
        onPointerLeave={(e) => hoverEnd(e.currentTarget)}
        onPointerDown={(e) => hoverEnd(e.currentTarget)}
      >
        {children ?? text}
      </Tag>
      {anchor ? createPortal(<FullText text={text} anchor={anchor} />, document.body) : null}
    </>
  )
}

/**
 * The tooltip: above the text (below when there is no room), its words starting where the
 * text starts, so it reads as the rest of the line (centring on a block's box, wider than
 * its words, put it off to one side). Kept inside the window.
 */
function FullText({ text, anchor }: { text: string; anchor: DOMRect }) {
  const ref = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    // Placed before paint from its own size, written to the style (no second render).
    const { width, height } = el.getBoundingClientRect()
    const above = anchor.top - GAP - height
    const side = above >= EDGE ? 'top' : 'bottom'
    const inset = parseFloat(getComputedStyle(el).paddingLeft) || 0
    const left = Math.min(anchor.left - inset, window.innerWidth - EDGE - width)
    el.style.left = `${Math.max(left, EDGE)}px`
    el.style.top = `${side === 'top' ? above : anchor.bottom + GAP}px`
    el.dataset.side = side
  }, [anchor])
  return (
    <div ref={ref} className="tooltip truncated-tooltip" aria-hidden="true">
      {text}
    </div>
  )
}
