import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Job } from '../../../../src-preload/contract'
import { Icon } from '../../components/Icon'
import { releaseOnUnmount } from '../../lib/release-image'
import { useAppStore } from '../../stores/app'
import { MAX_JOB_THUMBS, cachedAssets, isVideoThumb, useLibraryStore } from '../../stores/library'
import { useReviewStore } from '../../stores/review'

const KIND_WORD = { image: 'image', video: 'video', ad: 'ad' } as const

/** Up to four thumbnails of what a finished job made; each opens the viewer in place, stepping through the job's outputs. */
export function JobOutputs({ job }: { job: Job }) {
  const ids = job.assetIds
  const key = ids.slice(0, MAX_JOB_THUMBS).join(',')
  const assets = useLibraryStore(useShallow((s) => cachedAssets(s.cache, ids)))
  const lookup = useLibraryStore((s) => s.lookup)
  const openViewer = useReviewStore((s) => s.openViewer)
  const navigate = useAppStore((s) => s.navigate)

  useEffect(() => {
    // Once per job, and batched: every row mounted by one render shares one library.getMany.
    if (key) void lookup(key.split(','))
  }, [key, lookup])

  if (assets.length === 0) return null
  const extra = ids.length - assets.length
  return (
    <div className="job-outputs" role="group" aria-label={`Results of ${job.title}`}>
      {assets.map((a, i) => (
        <button
          key={a.id}
          type="button"
          className="job-output"
          aria-label={`Preview ${KIND_WORD[a.kind]} ${i + 1}`}
          title="Preview"
          onClick={() => openViewer(a.id, ids)}
        >
          {isVideoThumb(a) ? (
            <video src={a.thumbUrl} muted playsInline preload="metadata" tabIndex={-1} aria-hidden="true" />
          ) : (
            <img ref={releaseOnUnmount} src={a.thumbUrl} alt="" loading="lazy" draggable={false} />
          )}
          {a.kind === 'video' ? (
            <span className="job-output-play" aria-hidden="true">
              <Icon name="play" size={8} />
            </span>
          ) : null}
        </button>
      ))}
      {extra > 0 ? (
        <button
          type="button"
          className="job-output job-output-more"
          aria-label={`${extra} more in the library`}
          title="Open the library"
          onClick={() => navigate('library')}
        >
          +{extra}
        </button>
      ) : null}
    </div>
  )
}
