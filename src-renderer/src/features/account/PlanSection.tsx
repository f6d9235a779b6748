import { ErrorAlert } from '../../components/ErrorAlert'
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
      <ErrorAlert error={error} title="Your balance couldn’t be refreshed" />
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
          <UsageCard
            label="Credits"
            meterLabel="Credits left"
            used={credits.current}
            limit={credits.limit}
            format={formatNumber}
            unit=" credits"
            tone={low ? 'warning' : 'accent'}
            warn={low}
            sub={low ? `Below your warning level of ${formatNumber(threshold ?? 0)}` : 'Shared with the Krev dashboard'}
          />
          <UsageCard
            label="Storage"
            meterLabel="Storage used"
            used={credits.storageUsedBytes}
            limit={credits.storageLimitBytes}
            format={formatBytes}
            tone={storagePct >= 90 ? 'danger' : storagePct >= 75 ? 'warning' : 'accent'}
            sub={`${Math.round(storagePct)}% used on Krev`}
          />
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

/** One "used of limit" card with its meter: credits and storage read the same way. */
function UsageCard(props: {
  label: string
  meterLabel: string
  used: number
  limit: number
  format: (n: number) => string
  unit?: string
  tone: 'accent' | 'warning' | 'danger'
  /** Also colour the line under the meter. */
  warn?: boolean
  sub: string
}) {
  const { label, meterLabel, used, limit, format, unit = '', tone, warn = false, sub } = props
  return (
    <div className="stat-card">
      <span className="stat-label">{label}</span>
      <span className="stat-value">
        {format(used)}
        <span className="stat-of"> of {format(limit)}</span>
      </span>
      <Meter label={meterLabel} value={used} max={limit} valueText={`${format(used)} of ${format(limit)}${unit}`} tone={tone} />
      <span className={warn ? 'stat-sub is-warning' : 'stat-sub'}>{sub}</span>
    </div>
  )
}
