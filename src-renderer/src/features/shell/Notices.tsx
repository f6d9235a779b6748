import { Toast } from 'radix-ui'
import { IconButton } from '../../components/Button'
import { handEscapeToDialog } from '../../components/escape-handoff'
import { Icon, type IconName } from '../../components/Icon'
import { noticeTimeoutMs, useAppStore, type Notice } from '../../stores/app'

const ICON: Record<Notice['level'], IconName> = { info: 'info', success: 'success', warning: 'warning', error: 'error' }

function NoticeToast({ notice }: { notice: Notice }) {
  const dismiss = useAppStore((s) => s.dismissNotice)
  // Radix holds the timer while the toast is hovered or focused (or the window is blurred).
  const ms = noticeTimeoutMs(notice.level) ?? Infinity
  return (
    <Toast.Root
      className={`toast toast-${notice.level}`}
      type={notice.level === 'error' ? 'foreground' : 'background'}
      duration={ms}
      onOpenChange={(open) => !open && dismiss(notice.id)}
      onEscapeKeyDown={handEscapeToDialog}
    >
      <Icon name={ICON[notice.level]} size={16} className="toast-icon" />
      <div className="toast-body">
        <Toast.Title className="toast-message">{notice.message}</Toast.Title>
        {notice.detail ? <Toast.Description className="toast-detail">{notice.detail}</Toast.Description> : null}
      </div>
      <Toast.Close asChild>
        <IconButton icon="x" label="Dismiss" className="toast-close" />
      </Toast.Close>
    </Toast.Root>
  )
}

/**
 * Pushed `app.notice` events and local results, stacked in the bottom-left corner of the
 * content (over a viewer's media, never its actions); F8 moves focus to them.
 */
export function Notices() {
  const notices = useAppStore((s) => s.notices)
  return (
    <Toast.Provider label="Notification" swipeDirection="left">
      {notices.map((n) => (
        <NoticeToast key={n.id} notice={n} />
      ))}
      {/* aria-live keeps the toasts out of an open dialog's aria-hidden (aria-hidden skips
          live regions); Radix announces each toast itself, so this one stays "off". */}
      <div className="toasts-layer" aria-live="off">
        <Toast.Viewport className="toasts" label="Notifications ({hotkey})" />
      </div>
    </Toast.Provider>
  )
}
