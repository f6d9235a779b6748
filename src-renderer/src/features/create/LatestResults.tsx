import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Asset } from '../../../../src-preload/contract'
import { Icon } from '../../components/Icon'
import { plural } from '../../lib/format'
import { useAppStore } from '../../stores/app'
import { cachedAssets, isVideoThumb, useLibraryStore } from '../../stores/library'
import { activeCount, useQueueStore } from '../../stores/queue'
import { useReviewStore } from '../../stores/review'
import '../../styles/latest.css'

const MAX_RESULTS = 8
const KIND_WORD: Record<Asset['kind'], string> = { image: 'Image', video: 'Video', ad: 'Ad' }

/** A video without a poster frame plays its first frame as the thumbnail. */
function Thumb({ asset }: { asset: Asset }) {
  if (!isVideoThumb(asset)) return <img src={asset.thumbUrl} alt="" loading="lazy" draggable={false} />
  return <video src={asset.thumbUrl} muted playsInline preload="metadata" tabIndex={-1} aria-hidden="true" />
}

/** The ids of what the newest jobs made, newest first (jobs are kept newest first). */
function latestIds(jobs: ReadonlyArray<{ assetIds: string[] }>): string[] {
  const ids: string[] = []
  for (const j of jobs) {
    for (const id of j.assetIds) if (ids.length < MAX_RESULTS) ids.push(id)
    if (ids.length === MAX_RESULTS) break
  }
  return ids
}

/** The latest outputs next to the form: the queue says which, the library has them, the viewer opens them in place. */
export function LatestResults() {
  const ids = useQueueStore(useShallow((s) => latestIds(s.jobs)))
  const running = useQueueStore((s) => activeCount(s.jobs))
  const assets = useLibraryStore(useShallow((s) => cachedAssets(s.cache, ids, MAX_RESULTS)))
  const lookup = useLibraryStore((s) => s.lookup)
  const openViewer = useReviewStore((s) => s.openViewer)
  const navigate = useAppStore((s) => s.navigate)
  const key = ids.join(',')
  // The viewer opens over Create, stepping through the results shown here.
  const open = (a: Asset) => openViewer(a.id, assets.map((x) => x.id))

  useEffect(() => {
    // The store remembers every id it asked for, so this asks once per new result.
    if (key) void lookup(key.split(','))
  }, [key, lookup])

  return (
    <section className="latest card" aria-labelledby="latest-title">
      <div className="latest-head">
        <h2 id="latest-title" className="latest-title">
          Latest results
        </h2>
        {running ? (
          <button type="button" className="link" onClick={() => navigate('queue')}>
            {plural(running, 'job')} running
          </button>
        ) : null}
      </div>
      {assets.length === 0 ? (
        <p className="latest-empty">What you generate shows up here as soon as it’s ready.</p>
      ) : (
        <ul className="latest-grid">
          {assets.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="latest-item"
                aria-label={`${KIND_WORD[a.kind]}: ${a.prompt}`}
                title="Preview"
                onClick={() => open(a)}
              >
                <Thumb asset={a} />
                {a.kind === 'video' ? <Icon name="play" size={10} className="latest-play" /> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
