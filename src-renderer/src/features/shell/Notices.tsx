import { useEffect, useState } from 'react'
import { IconButton } from '../../components/Button'
import { Icon, type IconName } from '../../components/Icon'
import { noticeTimeoutMs, useAppStore, type Notice } from '../../stores/app'

const ICON: Record<Notice['level'], IconName> = { info: 'info', success: 'success', warning: 'warning', error: 'error' }

function Toast({ notice }: { notice: Notice }) {
  const dismiss = useAppStore((s) => s.dismissNotice)
  const [held, setHeld] = useState(false)
  const ms = noticeTimeoutMs(notice.level)

  // Hovering or focusing a toast holds it; leaving starts its time again.
  useEffect(() => {
    if (ms == null || held) return
    const t = window.setTimeout(() => dismiss(notice.id), ms)
    return () => window.clearTimeout(t)
  }, [ms, held, dismiss, notice.id])
  const hold = () => setHeld(true)
  const release = () => setHeld(false)

  return (
    <div
      className={`toast toast-${notice.level}`}
      role={notice.level === 'error' ? 'alert' : 'status'}
      onMouseEnter={hold}
      onMouseLeave={release}
      onFocus={hold}
      onBlur={release}
    >
      <Icon name={ICON[notice.level]} size={16} className="toast-icon" />
      <div className="toast-body">
        <p className="toast-message">{notice.message}</p>
        {notice.detail ? <p className="toast-detail">{notice.detail}</p> : null}
      </div>
      <IconButton icon="x" label="Dismiss" className="toast-close" onClick={() => dismiss(notice.id)} />
    </div>
  )
}

/** Pushed `app.notice` events and local results, bottom right. */
export function Notices() {
  const notices = useAppStore((s) => s.notices)
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((n) => (
        <Toast key={n.id} notice={n} />
      ))}
    </div>
  )
}
