import type { ReactNode } from 'react'

/** The scrolling body of a screen, with an optional toolbar above it and footer below it
 * (outside the scroll, so a footer never covers the content). */
export function Screen({
  toolbar,
  footer,
  children,
  className,
  wide = false
}: {
  toolbar?: ReactNode
  footer?: ReactNode
  children: ReactNode
  className?: string
  wide?: boolean
}) {
  return (
    <div className={['screen', className].filter(Boolean).join(' ')}>
      {toolbar ? (
        <div className="screen-toolbar">
          <div className={wide ? 'screen-toolbar-inner is-wide' : 'screen-toolbar-inner'}>{toolbar}</div>
        </div>
      ) : null}
      <div className="screen-scroll">
        <div className={wide ? 'screen-inner screen-inner-wide' : 'screen-inner'}>{children}</div>
      </div>
      {footer ? <div className="screen-footer">{footer}</div> : null}
    </div>
  )
}

export function ScreenLoading({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="screen-loading" role="status" aria-live="polite">
      <span className="skeleton skeleton-title" />
      <span className="skeleton skeleton-line" />
      <span className="skeleton skeleton-line short" />
      <span className="sr-only">{label}…</span>
    </div>
  )
}
