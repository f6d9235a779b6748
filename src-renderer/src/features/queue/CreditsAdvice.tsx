import type { Job } from '../../../../src-preload/contract'
import { PRICES } from '../../lib/pricing'
import { openDashboard } from '../account/open-dashboard'

/** What makes a job of this kind cheaper, in the creator's words. */
export function creditsAdvice(job: Job): string {
  switch (job.request.kind) {
    case 'video':
      return `Shorten the video (each second costs ${PRICES.videoPerSecond}), or top up.`
    case 'image':
      return 'Pick fewer variants or standard quality, or top up.'
    case 'ad':
      return 'Ask for fewer ad images, or top up.'
  }
}

/**
 * A job waiting for credits: "needs N credits, you have M", what would make it fit, and a
 * top-up link. It goes on by itself once the balance covers it.
 */
export function CreditsAdvice({ job }: { job: Job }) {
  return (
    <div className="job-credits-hold">
      <p className="job-note">
        <strong>{job.error?.message}</strong> {creditsAdvice(job)}{' '}
        <button type="button" className="link" onClick={() => void openDashboard()}>
          Top up in the Krev dashboard
        </button>
      </p>
      <p className="job-meta">It starts by itself once your balance covers it; smaller jobs go ahead meanwhile.</p>
    </div>
  )
}
