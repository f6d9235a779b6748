import type { ReactNode } from 'react'
import { Callout } from './Callout'

/** An error that just happened, announced at once (role=alert); nothing at all while there is none. */
export function ErrorAlert({ error, title, className }: { error: ReactNode; title?: ReactNode; className?: string }) {
  if (!error) return null
  return (
    <Callout tone="error" title={title} role="alert" className={className}>
      {error}
    </Callout>
  )
}
