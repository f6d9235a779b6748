import { useEffect, useRef } from 'react'

/** Keys typed into these stay theirs: fields, the video's own seek keys, sliders. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target.closest('input, textarea, select, video, [role="slider"]')) return true
  return false
}

/**
 * The viewer's and Compare's keys, while they are open. `handle` returns true when it used
 * the key (the default is then prevented). Escape is the Modal's (even under a toast).
 */
export function useViewerKeys(handle: (key: string) => boolean): void {
  const latest = useRef(handle)
  latest.current = handle
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || ownsKeys(e.target)) return
      if (latest.current(e.key)) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
