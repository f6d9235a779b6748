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
  const name = low
    ? `${amount} credits, low balance (below ${formatNumber(threshold ?? 0)})`
    : `${amount} credits`
  return (
    <button
      type="button"
      className={low ? 'credits-chip credits-low' : 'credits-chip'}
      aria-label={name}
      title={low ? 'Your balance is below your low-credit warning. Top up in the Krev dashboard.' : 'Credit balance'}
      onClick={() => navigate('account', 'overview')}
    >
      <Icon name={low ? 'warning' : 'coins'} size={14} />
      <span className="credits-amount">{amount}</span>
      <span className="credits-unit">{low ? 'credits · low' : 'credits'}</span>
    </button>
  )
}
