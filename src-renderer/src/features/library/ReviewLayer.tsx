import { useEffect } from 'react'
import { useAppStore } from '../../stores/app'
import { useReviewStore } from '../../stores/review'
import { AssetViewer } from './AssetViewer'
import { CompareView } from './CompareView'

/**
 * Where focus goes back when review closes. Each dialog restores the focus it found, but
 * Compare opened from the viewer found a viewer button that is gone by then: the element
 * that opened review in the first place (a tile, a queue thumbnail) takes it instead.
 */
function useRestoreFocusOnClose(): void {
  useEffect(() => {
    let opener: HTMLElement | null = null
    return useReviewStore.subscribe((s, prev) => {
      if (prev.mode === 'closed' && s.mode !== 'closed') {
        opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
      } else if (prev.mode !== 'closed' && s.mode === 'closed') {
        const back = opener
        opener = null
        // After the dialog's own restore: only when that left focus nowhere.
        requestAnimationFrame(() => {
          const lost = document.activeElement === null || document.activeElement === document.body
          if (lost && back?.isConnected) back.focus()
        })
      }
    })
  }, [])
}

/** Going to another screen (Remix, a menu, a shortcut) ends review: the new screen is what was asked for. */
function useCloseOnNavigate(): void {
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (s.route !== prev.route && useReviewStore.getState().mode !== 'closed') useReviewStore.getState().close()
      }),
    []
  )
}

/** The viewer or Compare, above whatever screen is showing (stores/review decides which). */
export function ReviewLayer() {
  const mode = useReviewStore((s) => s.mode)
  useRestoreFocusOnClose()
  useCloseOnNavigate()
  if (mode === 'viewer') return <AssetViewer />
  if (mode === 'compare') return <CompareView />
  return null
}
