import { Button, IconButton } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { Popover, PopoverClose } from '../../components/Popover'
import { KEYCHAIN_FALLBACK_MESSAGE, needsKeychainBanner, useAccountStore } from '../../stores/account'
import { useAppStore } from '../../stores/app'

/**
 * One quiet line while the API key cannot be kept in the system keychain; "How to fix"
 * opens main's explanation. Dismissed, it stays away for the rest of the session.
 */
export function KeychainBanner() {
  const show = useAccountStore((s) => needsKeychainBanner(s.status))
  const memory = useAccountStore((s) => s.status?.key.backend === 'memory')
  const message = useAccountStore((s) => s.status?.key.message)
  const dismissed = useAppStore((s) => s.keyBannerDismissed)
  const dismiss = useAppStore((s) => s.dismissKeyBanner)
  const navigate = useAppStore((s) => s.navigate)
  if (dismissed || !show) return null
  const title = memory ? 'Your API key is kept for this session only' : 'The system keychain isn’t available'
  return (
    <div className="keychain-line" role="status">
      <Icon name="lock" size={14} className="keychain-line-icon" />
      <p className="keychain-line-text">{title}</p>
      <Popover
        label="How to fix"
        trigger={
          <button type="button" className="link">
            How to fix
          </button>
        }
      >
        <p className="popover-text">{message || KEYCHAIN_FALLBACK_MESSAGE}</p>
        <div className="popover-actions">
          <PopoverClose asChild>
            <Button size="sm" onClick={() => navigate('account', 'key')}>
              Review key
            </Button>
          </PopoverClose>
        </div>
      </Popover>
      <IconButton icon="x" label="Dismiss" className="keychain-line-close" onClick={dismiss} />
    </div>
  )
}
