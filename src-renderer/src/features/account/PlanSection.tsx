import { Callout } from '../../components/Callout'
import { Icon } from '../../components/Icon'
import { IconButton } from '../../components/Button'
import { Meter } from '../../components/Meter'
import { formatBytes, formatDate, formatNumber, formatRelative, percent } from '../../lib/format'
import { isLowCredit } from '../../lib/pricing'
import { useAccountStore } from '../../stores/account'
import { useSettingsStore } from '../../stores/settings'

export function PlanSection() {
  const credits = useAccountStore((s) => s.credits)
  const loading = useAccountStore((s) => s.creditsLoading)
  const error = useAccountStore((s) => s.creditsError)
  const loadCredits = useAccountStore((s) => s.loadCredits)
  const threshold = useSettingsStore((s) => s.settings?.lowCreditThreshold)

  const low = credits ? isLowCredit(credits.current, threshold) : false
  const storagePct = credits ? percent(credits.storageUsedBytes, credits.storageLimitBytes) : 0

  return (
    <section className="acct-section" id="account-overview">
      <div className="acct-section-head">
        <h2>Plan & usage</h2>
        <IconButton
          icon="refresh"
          label="Refresh balance"
          className={loading ? 'is-spinning' : undefined}
          disabled={loading}
          onClick={() => void loadCredits(true)}
        />
      </div>
      {error ? (
        <Callout tone="error" title="Your balance couldn’t be refreshed" role="alert">
          {error}
        </Callout>
      ) : null}
      {credits ? (
        <div className="plan-grid">
          <div className="stat-card stat-plan">
            <span className="stat-label">Plan</span>
            <span className="stat-value">{credits.planName || credits.plan}</span>
            <span className="stat-sub">
              <Icon name="clock" size={12} />
              {credits.resetsAt
                ? `Credits reset ${formatRelative(credits.resetsAt)} · ${formatDate(credits.resetsAt)}`
                : 'No reset date'}
            </span>
          </div>
          <div className="stat-card">
            <span className="stat-label">Credits</span>
            <span className="stat-value">
              {formatNumber(credits.current)}
              <span className="stat-of"> of {formatNumber(credits.limit)}</span>
            </span>
            <Meter
              label="Credits left"
              value={credits.current}
              max={credits.limit}
              valueText={`${formatNumber(credits.current)} of ${formatNumber(credits.limit)} credits`}
              tone={low ? 'warning' : 'accent'}
            />
            <span className={low ? 'stat-sub is-warning' : 'stat-sub'}>
              {low ? `Below your warning level of ${formatNumber(threshold ?? 0)}` : 'Shared with the Krev dashboard'}
            </span>
          </div>
          <div className="stat-card">
            <span className="stat-label">Storage</span>
            <span className="stat-value">
              {formatBytes(credits.storageUsedBytes)}
              <span className="stat-of"> of {formatBytes(credits.storageLimitBytes)}</span>
            </span>
            <Meter
              label="Storage used"
              value={credits.storageUsedBytes}
              max={credits.storageLimitBytes}
              valueText={`${formatBytes(credits.storageUsedBytes)} of ${formatBytes(credits.storageLimitBytes)}`}
              tone={storagePct >= 90 ? 'danger' : storagePct >= 75 ? 'warning' : 'accent'}
            />
            <span className="stat-sub">{Math.round(storagePct)}% used on Krev</span>
          </div>
        </div>
      ) : loading ? (
        <div className="plan-grid" aria-hidden="true">
          <span className="skeleton skeleton-card" />
          <span className="skeleton skeleton-card" />
          <span className="skeleton skeleton-card" />
        </div>
      ) : !error ? (
        <p className="muted">Your plan and balance appear here once Krev Studio is connected.</p>
      ) : null}
    </section>
  )
}
