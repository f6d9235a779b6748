import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Icon } from './Icon'
import '../styles/search-field.css'

export interface SearchFieldProps {
  /** The field's accessible name: a placeholder disappears with the first letter, so it is not one. */
  label: string
  placeholder?: string
  /** The search as the screen keeps it; a change from outside (a "remove search" chip) shows here. */
  value: string
  onChange(value: string): void
  /**
   * Typing is handed on once it pauses this long (ms): one search per pause, not one per key.
   * 0 hands on every key (a filter over what is already loaded). Clearing is always at once.
   */
  delay?: number
  /** Where it sits and how wide (the screen's layout); the look is this component's. */
  className?: string
}

/**
 * The one search box: a search icon, the text, and × to clear it (shown once there is text;
 * focus goes back to the field). Escape clears too; only an empty field lets Escape through,
 * to whatever else it closes or deselects.
 */
export function SearchField({ label, placeholder, value, onChange, delay = 0, className }: SearchFieldProps) {
  const input = useRef<HTMLInputElement>(null)
  const [text, setText] = useState(value)
  // What was last handed on: the screen's echo of it must not reset what is being typed.
  const handedOn = useRef(value)
  // Latest onChange without restarting the pause whenever the screen re-renders with a new closure.
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })

  const handOn = useCallback((v: string) => {
    handedOn.current = v
    onChangeRef.current(v)
  }, [])

  useEffect(() => {
    if (value === handedOn.current) return
    handedOn.current = value
    setText(value)
  }, [value])

  useEffect(() => {
    if (delay <= 0 || text === handedOn.current) return
    const t = window.setTimeout(() => handOn(text), delay)
    return () => window.clearTimeout(t)
  }, [text, delay, handOn])

  const type = (v: string) => {
    setText(v)
    if (delay <= 0) handOn(v)
  }
  const clear = () => {
    setText('')
    if (handedOn.current !== '') handOn('')
    input.current?.focus()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Escape' || text === '') return
    // Ours alone: not also the browser's own clearing, nor a screen's Escape (deselect, close).
    e.preventDefault()
    e.stopPropagation()
    clear()
  }

  return (
    <div className={['search-field', className].filter(Boolean).join(' ')}>
      <Icon name="search" size={14} className="search-field-icon" />
      <input
        ref={input}
        className="input search-field-input"
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {text ? (
        <button type="button" className="icon-btn search-field-clear" aria-label="Clear search" onClick={clear}>
          <Icon name="x" size={12} strokeWidth={2} />
        </button>
      ) : null}
    </div>
  )
}
