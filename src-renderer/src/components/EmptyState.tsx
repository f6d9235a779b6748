import type { ReactNode } from 'react'
import { Icon, type IconName } from './Icon'

export interface EmptyStateProps {
  icon: IconName
  title: string
  body: ReactNode
  /** "What happens next", as short numbered steps. */
  steps?: ReadonlyArray<{ title: string; body: string }>
  actions?: ReactNode
  children?: ReactNode
}

/** The first thing a new user sees on a screen: what it is for and what to do. */
export function EmptyState({ icon, title, body, steps, actions, children }: EmptyStateProps) {
  return (
    <div className="empty">
      <div className="empty-art" aria-hidden="true">
        <span className="empty-ring empty-ring-2" />
        <span className="empty-ring empty-ring-1" />
        <span className="empty-icon">
          <Icon name={icon} size={26} strokeWidth={1.6} />
        </span>
      </div>
      <h2 className="empty-title">{title}</h2>
      <p className="empty-body">{body}</p>
      {actions ? <div className="empty-actions">{actions}</div> : null}
      {children}
      {steps && steps.length > 0 ? (
        <ol className="empty-steps">
          {steps.map((s, i) => (
            <li key={s.title} className="empty-step">
              <span className="empty-step-num" aria-hidden="true">
                {i + 1}
              </span>
              <span>
                <span className="empty-step-title">{s.title}</span>
                <span className="empty-step-body">{s.body}</span>
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  )
}
