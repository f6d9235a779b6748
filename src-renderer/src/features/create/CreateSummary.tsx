import { Button } from '../../components/Button'
import { Callout } from '../../components/Callout'
import { formatNumber, plural } from '../../lib/format'
import { PRICES } from '../../lib/pricing'
import { useAccountStore } from '../../stores/account'
import { useAppStore } from '../../stores/app'
import { draftEstimate, useCreateStore, type CreateDraft } from '../../stores/create'
import { openDashboard } from '../account/open-dashboard'
import { describeFailure } from './submit-error'

/** "2 images × 40", "5 s × 80", shown under the estimate. */
export function breakdown(d: CreateDraft): string {
  if (d.kind === 'image') return `${plural(d.imageCount, 'image')} × ${d.hd ? PRICES.imageHd : PRICES.image}${d.hd ? ' (HD)' : ''}`
  if (d.kind === 'video') return `${d.duration} seconds × ${PRICES.videoPerSecond}`
  return `${plural(d.adCount, 'ad image')} × ${PRICES.adImage}`
}

/** The estimate and Generate: a side card, or (`bar`) a compact bar under the form. */
export function CreateSummary({ bar = false }: { bar?: boolean }) {
  const draft = useCreateStore((s) => s.draft)
  const submitting = useCreateStore((s) => s.submitting)
  const failure = useCreateStore((s) => s.failure)
  const lastJob = useCreateStore((s) => s.lastJob)
  const submit = useCreateStore((s) => s.submit)
  const credits = useAccountStore((s) => s.credits)
  const mode = useAppStore((s) => s.connection?.mode)
  const navigate = useAppStore((s) => s.navigate)

  const estimate = draftEstimate(draft)
  const balance = credits?.current ?? null
  const short = balance != null && estimate > balance
  const view = failure ? describeFailure(failure) : null

  return (
    <aside className={bar ? 'create-summary is-bar' : 'create-summary card'} aria-label="Summary">
      <p className="summary-label">Estimated cost</p>
      <p className="summary-estimate" aria-live="polite">
        <span className="summary-number">{formatNumber(estimate)}</span> credits
      </p>
      <p className="summary-breakdown">{breakdown(draft)}</p>
      <dl className="summary-rows">
        <div>
          <dt>Balance</dt>
          <dd>{balance == null ? '—' : formatNumber(balance)}</dd>
        </div>
        <div>
          <dt>After this</dt>
          <dd className={short ? 'is-short' : undefined}>{balance == null ? '—' : formatNumber(balance - estimate)}</dd>
        </div>
      </dl>
      {mode === 'sandbox' ? <p className="summary-note">Sandbox: results are samples and no real credits are spent.</p> : null}
      {short && failure?.code !== 'insufficient_credits' ? (
        <Callout tone="warning" title="Not enough credits">
          This needs {formatNumber(estimate - (balance ?? 0))} more. Pick fewer variants or top up in the Krev dashboard.
        </Callout>
      ) : null}
      <Button
        type="submit"
        form="create-form"
        variant="primary"
        size="lg"
        icon="sparkles"
        className="summary-submit"
        loading={submitting}
      >
        Generate
      </Button>
      {view ? (
        <Callout
          tone="error"
          title={view.title}
          role="alert"
          actions={
            view.action === 'account' ? (
              <Button size="sm" onClick={() => navigate('account', 'key')}>
                Review key
              </Button>
            ) : view.action === 'dashboard' ? (
              <Button size="sm" iconAfter="external" onClick={() => void openDashboard()}>
                Dashboard
              </Button>
            ) : view.action === 'retry' ? (
              <Button size="sm" onClick={() => void submit()}>
                Try again
              </Button>
            ) : null
          }
        >
          {view.body}
        </Callout>
      ) : lastJob && bar ? (
        // One line in the bar: the form above keeps its room.
        <p className="summary-started" role="status">
          <span>“{lastJob.title}” started.</span>{' '}
          <button type="button" className="link" onClick={() => navigate('queue')}>
            See progress
          </button>
        </p>
      ) : lastJob ? (
        <Callout
          tone="success"
          title="Started"
          role="status"
          actions={
            <Button size="sm" onClick={() => navigate('queue')}>
              See progress
            </Button>
          }
        >
          “{lastJob.title}” is on its way. You can keep creating.
        </Callout>
      ) : null}
    </aside>
  )
}
