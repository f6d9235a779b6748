import { Icon } from '../../components/Icon'
import { formatNumber } from '../../lib/format'
import { isLowCredit } from '../../lib/pricing'
import { useAccountStore } from '../../stores/account'
import { useAppStore } from '../../stores/app'
import { useSettingsStore } from '../../stores/settings'

/** The balance in the top bar; amber with a warning when under the low-credit threshold. */
export function CreditsChip() {
  const credits = useAccountStore((s) => s.credits)
  const threshold = useSettingsStore((s) => s.settings?.lowCreditThreshold)
  const navigate = useAppStore((s) => s.navigate)
  if (!credits) return null
  const low = isLowCredit(credits.current, threshold)
  const amount = formatNumber(credits.current)
  // The visible text is the accessible name (no aria-label), so voice control users can
  // say what they see; the threshold is the description.
  return (
    <button
      type="button"
      className={low ? 'credits-chip credits-low' : 'credits-chip'}
      title={
        low
          ? `Your balance is below your low-credit warning (${formatNumber(threshold ?? 0)}). Top up in the Krev dashboard.`
          : 'Credit balance'
      }
      onClick={() => navigate('account', 'overview')}
    >
      <Icon name={low ? 'warning' : 'coins'} size={14} />
      <span className="credits-amount">{amount}</span>{' '}
      <span className="credits-unit">credits</span>
      {low ? (
        <>
          <span className="credits-unit" aria-hidden="true">
            ·
          </span>{' '}
          <span className="credits-unit">low balance</span>
        </>
      ) : null}
    </button>
  )
}
