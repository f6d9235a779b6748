import { useReviewStore } from '../../stores/review'
import { AssetViewer } from './AssetViewer'
import { CompareView } from './CompareView'

/** The viewer or Compare, above whatever screen is showing (stores/review decides which). */
export function ReviewLayer() {
  const mode = useReviewStore((s) => s.mode)
  if (mode === 'viewer') return <AssetViewer />
  if (mode === 'compare') return <CompareView />
  return null
}
