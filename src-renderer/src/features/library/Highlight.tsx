import { Fragment } from 'react'
import { matchRanges } from './match-ranges'

/** `text` with the words the search matched marked; plain text nodes only, so any prompt is safe. */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const ranges = matchRanges(text, terms)
  if (ranges.length === 0) return <>{text}</>
  const parts: React.ReactNode[] = []
  let at = 0
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(<Fragment key={`t${i}`}>{text.slice(at, start)}</Fragment>)
    parts.push(<mark key={`m${i}`}>{text.slice(start, end)}</mark>)
    at = end
  })
  if (at < text.length) parts.push(<Fragment key="rest">{text.slice(at)}</Fragment>)
  return <>{parts}</>
}
