import { useLayoutEffect, useState, type RefObject } from 'react'

export interface ScreenScroll {
  /** The screen's scrolling body (`.screen-scroll`, from components/Screen). */
  element: HTMLElement | null
  /** Where the list starts inside it: what sits above (callouts) scrolls by first. */
  margin: number
  /** The list's own width. */
  width: number
}

/**
 * The scroll container a virtual list lives in, measured before the first paint so the
 * first frame already shows rows, and again whenever the list or the container resizes.
 */
export function useScreenScroll(ref: RefObject<HTMLElement | null>): ScreenScroll {
  const [state, setState] = useState<ScreenScroll>({ element: null, margin: 0, width: 0 })
  useLayoutEffect(() => {
    const list = ref.current
    const element = list?.closest<HTMLElement>('.screen-scroll') ?? null
    if (!list || !element) return
    const measure = () => {
      const margin = Math.round(list.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop)
      const width = Math.floor(list.clientWidth)
      setState((s) => (s.element === element && s.margin === margin && s.width === width ? s : { element, margin, width }))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(list)
    observer.observe(element)
    // Callouts above the list come and go without resizing either.
    if (list.parentElement) observer.observe(list.parentElement)
    return () => observer.disconnect()
  }, [ref])
  return state
}
