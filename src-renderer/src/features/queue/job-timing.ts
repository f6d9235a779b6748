import type { FinishedJob, Job } from '../../../../src-preload/contract'
import { TYPICAL_SAMPLES } from '../../../../src-preload/contract/values'

/**
 * How long jobs take: elapsed since a job was sent, and what a kind usually takes (the median
 * of its last finished jobs, from sent to done, including those cleared from the Queue;
 * videos per second of footage, since their time grows with it). No history, no guess.
 */

export interface TypicalDurations {
  image: number | null
  ad: number | null
  /** Milliseconds per second of video. */
  videoPerSecond: number | null
}

/** When a finished job was sent and done: from the list, or from what main kept of cleared ones. */
type Sample = Pick<FinishedJob, 'id' | 'kind' | 'sentAt' | 'finishedAt' | 'videoSeconds'>

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = values.slice().sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** The time from sent to done, or null when it can't be told. */
function tookMs(s: Sample): number | null {
  const ms = Date.parse(s.finishedAt) - Date.parse(s.sentAt)
  return Number.isFinite(ms) && ms > 0 ? ms : null
}

function sampleOf(job: Job): Sample | null {
  if (job.status !== 'succeeded' || !job.sentAt) return null
  const videoSeconds = job.request.kind === 'video' ? job.request.params.duration : null
  return { id: job.id, kind: job.kind, sentAt: job.sentAt, finishedAt: job.updatedAt, videoSeconds }
}

const NONE: readonly FinishedJob[] = []
const cache = new WeakMap<readonly Job[], WeakMap<readonly FinishedJob[], TypicalDurations>>()

/**
 * Per kind, from the finished jobs in `jobs` and those main kept (`finished`, which outlive
 * "Clear finished"): the median of the latest TYPICAL_SAMPLES. Cached per pair of lists:
 * every row asks.
 */
export function typicalDurations(jobs: readonly Job[], finished: readonly FinishedJob[] = NONE): TypicalDurations {
  const known = cache.get(jobs)?.get(finished)
  if (known) return known
  const byId = new Map<string, Sample>(finished.map((f) => [f.id, f]))
  for (const j of jobs) {
    const s = sampleOf(j)
    if (s) byId.set(s.id, s)
  }
  const samples = { image: [] as number[], ad: [] as number[], video: [] as number[] }
  const newest = [...byId.values()].sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))
  for (const s of newest) {
    const list = samples[s.kind]
    const ms = tookMs(s)
    if (ms === null || list.length >= TYPICAL_SAMPLES) continue
    list.push(s.videoSeconds ? ms / s.videoSeconds : ms)
  }
  const out = { image: median(samples.image), ad: median(samples.ad), videoPerSecond: median(samples.video) }
  const perJobs = cache.get(jobs) ?? new WeakMap()
  perJobs.set(finished, out)
  cache.set(jobs, perJobs)
  return out
}

/** What this job should take, from sent to done; null without history. */
export function expectedMs(job: Job, typical: TypicalDurations): number | null {
  if (job.request.kind === 'video') return typical.videoPerSecond === null ? null : typical.videoPerSecond * job.request.params.duration
  return typical[job.request.kind]
}

/** "0:42", "3:05", "1:02:09". */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** "under 10 s", "40 s", "2 min", "1 h 5 min": rounded, as an estimate should be. */
export function formatAbout(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 10) return 'under 10 s'
  if (s < 60) return `${Math.round(s / 5) * 5} s`
  const min = Math.round(s / 60)
  if (min < 60) return `${min} min`
  return `${Math.floor(min / 60)} h${min % 60 ? ` ${min % 60} min` : ''}`
}

/** A row's timing line: elapsed and time left for a job at Krev, the usual time for one waiting. */
export function timingText(job: Job, now: number, typical: TypicalDurations, waiting: boolean): string | null {
  const expected = expectedMs(job, typical)
  if (waiting) return expected === null ? null : expected < 10_000 ? 'Usually takes under 10 s' : `Usually takes about ${formatAbout(expected)}`
  if (!job.sentAt || job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled') return null
  const elapsed = Math.max(0, now - Date.parse(job.sentAt))
  if (!Number.isFinite(elapsed)) return null
  const head = `${formatClock(elapsed)} elapsed`
  if (expected === null) return head
  const left = expected - elapsed
  if (left <= 0) return `${head} · longer than usual`
  return left < 10_000 ? `${head} · almost done` : `${head} · about ${formatAbout(left)} left`
}
