import { Button, IconButton } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { KEYCHAIN_FALLBACK_MESSAGE, needsKeychainBanner, useAccountStore } from '../../stores/account'
import { useAppStore } from '../../stores/app'

/** Explains, in main's words, why the API key will not survive a restart. */
export function KeychainBanner() {
  const status = useAccountStore((s) => s.status)
  const dismissed = useAppStore((s) => s.keyBannerDismissed)
  const dismiss = useAppStore((s) => s.dismissKeyBanner)
  const navigate = useAppStore((s) => s.navigate)
  if (dismissed || !needsKeychainBanner(status)) return null
  const title =
    status?.key.backend === 'memory' ? 'Your API key is kept for this session only' : 'The system keychain isn’t available'
  return (
    <div className="banner banner-warning" role="status">
      <Icon name="lock" size={16} className="banner-icon" />
      <div className="banner-body">
        <p className="banner-title">{title}</p>
        <p className="banner-text">{status?.key.message || KEYCHAIN_FALLBACK_MESSAGE}</p>
      </div>
      <div className="banner-actions">
        <Button size="sm" variant="ghost" onClick={() => navigate('account', 'key')}>
          Review key
        </Button>
        <IconButton icon="x" label="Dismiss" onClick={dismiss} />
      </div>
    </div>
  )
}
