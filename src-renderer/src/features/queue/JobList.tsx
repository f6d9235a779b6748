import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { useScreenScroll } from '../../lib/use-screen-scroll'
import { JobRow } from './JobRow'

/** A first guess at a row's height before it is measured (a finished job with thumbnails). */
const ROW_ESTIMATE = 72

/** The jobs, only the rows near the viewport mounted; each row measures itself. */
export function JobList({ ids }: { ids: readonly string[] }) {
  const ref = useRef<HTMLUListElement>(null)
  const scroll = useScreenScroll(ref)
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroll.element,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (i) => ids[i],
    overscan: 6,
    scrollMargin: scroll.margin
  })
  return (
    <ul ref={ref} className="job-list" aria-label="Jobs" style={{ height: virtualizer.getTotalSize() }}>
      {scroll.element
        ? virtualizer.getVirtualItems().map((item) => (
            <JobRow key={item.key} id={ids[item.index]} index={item.index} measure={virtualizer.measureElement} start={item.start - scroll.margin} />
          ))
        : null}
    </ul>
  )
}
