import type { Job, QueueState, UnknownCheck } from '../../../../src-preload/contract'
import { promptOf } from '../../../../src-preload/contract/request-text'
import type { Tone } from '../../components/Badge'
import { formatCredits, formatNumber, plural } from '../../lib/format'

export const STATUS_VIEW: Record<Job['status'], { label: string; tone: Tone }> = {
  pending: { label: 'Waiting', tone: 'neutral' },
  submitted: { label: 'Queued at Krev', tone: 'accent' },
  processing: { label: 'Generating', tone: 'accent' },
  downloading: { label: 'Saving to library', tone: 'accent' },
  paused: { label: 'Paused', tone: 'warning' },
  succeeded: { label: 'Done', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'neutral' }
}

/** Error codes that are the creator's own choice (a cancel, their spending cap): a note, never red. */
const OWN_CHOICE = new Set(['cancelled', 'spend_cap'])
export const isOwnChoice = (job: Job): boolean => job.error !== null && OWN_CHOICE.has(job.error.code)

/** The credits cell: what was charged, what it will cost, or that it was given back. */
export function creditsLabel(job: Job, locale?: string): string {
  if (job.error?.refunded) return 'refunded'
  if (job.creditsUsed == null) return `${formatNumber(job.creditsEstimate, locale)} est.`
  return `${formatNumber(job.creditsUsed, locale)} credits`
}

/** "4 images · 1:1 · HD", "Video · 16:9 · 8 s", "2 ads · 4:5". */
export function jobSpec(job: Job): string {
  const r = job.request
  if (r.kind === 'image')
    return [plural(r.params.imageCount, 'image'), r.params.aspectRatio, r.params.hd ? 'HD' : null].filter(Boolean).join(' · ')
  if (r.kind === 'video') return ['Video', r.params.aspectRatio, `${r.params.duration} s`].join(' · ')
  return [plural(r.params.imageCount, 'ad'), r.params.aspectRatio].join(' · ')
}

/** Why the queue is paused, in words. */
export function pauseReason(state: QueueState): string {
  switch (state.reason) {
    case 'user':
      return 'You paused the queue. New jobs wait until you resume.'
    case 'offline':
      return 'You’re offline. Jobs will continue when the connection is back.'
    case 'unauthorized':
      return 'Krev didn’t accept your API key. Review it in Account to continue.'
    case 'rate_limited':
      return 'Krev asked us to slow down. Jobs resume shortly.'
    default:
      return 'The queue is paused.'
  }
}

/** A job whose create POST may have been charged, though it never answered (never re-sent). */
export const isUnknownOutcome = (job: Job): boolean => job.status === 'failed' && job.error?.code === 'unknown_outcome'

export const UNKNOWN_VIEW: { label: string; tone: Tone } = { label: 'Outcome unknown', tone: 'warning' }

/** "Krev may have charged this (about 40 credits)." */
export const maybeChargedText = (job: Job, locale?: string): string =>
  `Krev may have charged this (about ${formatCredits(job.creditsEstimate, locale)}).`

/** "Check balance" as one sentence: what the before/after comparison can and can't tell. */
export function checkSentence(c: UnknownCheck, locale?: string): string {
  const after = formatNumber(c.after.credits, locale)
  if (!c.before) return `Balance now ${after}: no earlier balance was known, so it can\u2019t tell whether this job was charged.`
  const arrow = `Balance ${formatNumber(c.before.credits, locale)} \u2192 ${after}`
  switch (c.verdict) {
    case 'spent':
      return `${arrow}: ${formatCredits(c.spent ?? 0, locale)} ${c.spent === 1 ? 'was' : 'were'} spent, most likely by this job.`
    case 'unchanged':
      return `${arrow}, unchanged: this job was probably not charged.`
    case 'rose':
      return `${arrow}: it went up (a top-up or refund?), so it can\u2019t tell.`
    default:
      return `${arrow}: other jobs ran since; can\u2019t tell.`
  }
}

/** The longest prompt a row's tooltip shows: a few lines, not a wall of text. */
const PROMPT_TOOLTIP_CHARS = 600

/** The whole prompt (an ad's brief) on one line, for the tooltip of a row whose title is its first 80 characters. */
export function fullPrompt(job: Job): string {
  const line = promptOf(job.request).trim().replace(/\s+/g, ' ')
  if (!line) return job.title
  return line.length > PROMPT_TOOLTIP_CHARS ? `${line.slice(0, PROMPT_TOOLTIP_CHARS - 1)}…` : line
}
