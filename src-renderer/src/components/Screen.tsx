import type { ReactNode } from 'react'

/** The scrolling body of a screen, with an optional toolbar above it. */
export function Screen({
  toolbar,
  children,
  className,
  wide = false
}: {
  toolbar?: ReactNode
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
