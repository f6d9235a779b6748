import { useEffect, useRef, useState } from 'react'
import { Icon } from './Icon'
import { useAppStore } from '../stores/app'

/** How long "Copied" stays. */
const CONFIRM_MS = 1600

/**
 * Copies one text to the clipboard and says so on the button itself ("Copied", announced
 * politely), so a creator copying hook, headline and body one after another sees which one
 * went. A refused clipboard (no permission) becomes a notice.
 */
export function CopyButton({ text, label, className = 'copy-btn' }: { text: string; label: string; className?: string }) {
  const [copied, setCopied] = useState(false)
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => () => window.clearTimeout(timer.current), [])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(true)
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => setCopied(false), CONFIRM_MS)
    } catch {
      useAppStore.getState().pushNotice({ level: 'error', message: 'The clipboard refused the copy. Select the text and copy it instead.' })
    }
  }
  return (
    <button type="button" className={className} data-copied={copied || undefined} onClick={() => void copy()} aria-label={`${copied ? 'Copied' : 'Copy'} ${label}`}>
      <Icon name={copied ? 'check' : 'copy'} size={13} />
      <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
    </button>
  )
}
