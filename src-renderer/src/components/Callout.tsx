import type { ReactNode } from 'react'
import { Icon, type IconName } from './Icon'

const ICONS: Record<CalloutProps['tone'], IconName> = {
  info: 'info',
  success: 'success',
  warning: 'warning',
  error: 'error'
}

export interface CalloutProps {
  tone: 'info' | 'success' | 'warning' | 'error'
  title?: ReactNode
  children?: ReactNode
  actions?: ReactNode
  /** `alert` for errors that just happened; `status` for results. */
  role?: 'alert' | 'status'
  className?: string
}

/** An inline message block: results, errors, explanations. */
export function Callout({ tone, title, children, actions, role, className }: CalloutProps) {
  return (
    <div className={['callout', `callout-${tone}`, className].filter(Boolean).join(' ')} role={role}>
      <Icon name={ICONS[tone]} size={16} className="callout-icon" />
      <div className="callout-body">
        {title ? <p className="callout-title">{title}</p> : null}
        {children ? <div className="callout-text">{children}</div> : null}
      </div>
      {actions ? <div className="callout-actions">{actions}</div> : null}
    </div>
  )
}
