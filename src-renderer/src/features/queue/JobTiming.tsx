import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Job } from '../../../../src-preload/contract'
import { useQueueStore } from '../../stores/queue'
import { timingText, typicalDurations } from './job-timing'

/** Ticks once a second while the job is at Krev (only rows on screen are mounted). */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!ticking) return
    // From the moment it starts ticking: the row may have been mounted long before (waiting).
    setNow(Date.now())
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [ticking])
  return now
}

/** "1:24 elapsed · about 40 s left" for a running job; "Usually takes about 2 min" for a waiting one. */
export function JobTiming({ job, waiting }: { job: Job; waiting: boolean }) {
  const typical = useQueueStore(useShallow((s) => typicalDurations(s.jobs, s.finished)))
  const now = useNow(!waiting && Boolean(job.sentAt))
  const text = timingText(job, now, typical, waiting)
  return text ? <p className="job-meta job-timing">{text}</p> : null
}
