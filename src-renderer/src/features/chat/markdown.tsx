import { Fragment, type MouseEvent, type ReactNode } from 'react'

/**
 * The agent's replies as safe Markdown: a small renderer straight to React elements, so no
 * HTML string is ever parsed or injected (raw HTML in a reply shows as the text it is).
 * What it knows: paragraphs and line breaks, # headings, - and 1. lists (indented lines
 * continue an item), ``` code blocks, `code`, **bold**, *italic*, [links](https://…) and
 * bare https links. A link is only ever http(s), and opens through `onLink` (the external
 * link allow-list in main), never by navigating the window.
 */

export interface MarkdownProps {
  text: string
  onLink(url: string): void
}

type Block =
  | { type: 'p'; lines: string[] }
  | { type: 'h'; level: 1 | 2 | 3; text: string }
  | { type: 'ul' | 'ol'; items: string[][]; start: number }
  | { type: 'code'; text: string }

const UL = /^\s{0,3}[-*•]\s+(.*)$/
const OL = /^\s{0,3}(\d{1,3})[.)]\s+(.*)$/
const HEADING = /^(#{1,3})\s+(.*)$/
const FENCE = /^\s{0,3}```/

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = []
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (!line.trim()) {
      i++
      continue
    }
    if (FENCE.test(line)) {
      const body: string[] = []
      i++
      while (i < lines.length && !FENCE.test(lines[i]!)) body.push(lines[i++]!)
      i++
      blocks.push({ type: 'code', text: body.join('\n') })
      continue
    }
    const h = HEADING.exec(line)
    if (h) {
      blocks.push({ type: 'h', level: h[1]!.length as 1 | 2 | 3, text: h[2]! })
      i++
      continue
    }
    const ordered = OL.exec(line)
    if (ordered || UL.test(line)) {
      const kind = ordered ? 'ol' : 'ul'
      const re = ordered ? OL : UL
      const items: string[][] = []
      while (i < lines.length) {
        const m = re.exec(lines[i]!)
        if (m) items.push([m[ordered ? 2 : 1]!])
        // An indented line under an item continues it ("   Hook: …").
        else if (items.length && /^\s{2,}\S/.test(lines[i]!)) items.at(-1)!.push(lines[i]!.trim())
        else break
        i++
      }
      blocks.push({ type: kind, items, start: ordered ? Number(ordered[1]) : 1 })
      continue
    }
    const para: string[] = []
    while (i < lines.length && lines[i]!.trim() && !FENCE.test(lines[i]!) && !HEADING.test(lines[i]!) && !OL.test(lines[i]!) && !UL.test(lines[i]!)) {
      para.push(lines[i++]!.trim())
    }
    blocks.push({ type: 'p', lines: para })
  }
  return blocks
}

/** Only web links become links; `javascript:`, `data:`, `file:` and the like stay text. */
export function safeHref(raw: string): string | null {
  try {
    const u = new URL(raw)
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null
  } catch {
    return null
  }
}

const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\s][^*\n]*\*|_[^_\s][^_\n]*_)|(\[[^\]\n]+\]\([^)\s]+\))|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g

function inline(text: string, onLink: (url: string) => void, key: string): ReactNode[] {
  const out: ReactNode[] = []
  let last = 0
  let n = 0
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index))
    const k = `${key}-${n++}`
    const [whole, code, bold, italic, link, bare] = m
    if (code) out.push(<code key={k}>{code.slice(1, -1)}</code>)
    else if (bold) out.push(<strong key={k}>{inline(bold.slice(2, -2), onLink, k)}</strong>)
    else if (italic) out.push(<em key={k}>{italic.slice(1, -1)}</em>)
    else if (link || bare) {
      const label = link ? link.slice(1, link.indexOf('](')) : whole
      const href = safeHref(link ? link.slice(link.indexOf('](') + 2, -1) : whole)
      out.push(href ? <LinkOut key={k} href={href} label={label} onLink={onLink} /> : label)
    }
    last = m.index + whole.length
  }
  if (last < text.length) out.push(text.slice(last))
  return out
}

function LinkOut({ href, label, onLink }: { href: string; label: string; onLink(url: string): void }) {
  const open = (e: MouseEvent) => {
    e.preventDefault()
    onLink(href)
  }
  return (
    <a href={href} onClick={open} rel="noreferrer noopener" title={href}>
      {label}
    </a>
  )
}

const lines = (list: string[], onLink: (url: string) => void, key: string): ReactNode[] =>
  list.map((l, i) => (
    <Fragment key={`${key}-${i}`}>
      {i > 0 ? <br /> : null}
      {inline(l, onLink, `${key}-${i}`)}
    </Fragment>
  ))

export function Markdown({ text, onLink }: MarkdownProps) {
  return (
    <div className="md">
      {parseBlocks(text).map((b, i) => {
        const k = `b${i}`
        if (b.type === 'code') return <pre key={k}><code>{b.text}</code></pre>
        if (b.type === 'h') {
          const H = (['h3', 'h4', 'h5'] as const)[b.level - 1]!
          return <H key={k}>{inline(b.text, onLink, k)}</H>
        }
        if (b.type === 'p') return <p key={k}>{lines(b.lines, onLink, k)}</p>
        const items = b.items.map((item, j) => <li key={`${k}-${j}`}>{lines(item, onLink, `${k}-${j}`)}</li>)
        return b.type === 'ol' ? <ol key={k} start={b.start}>{items}</ol> : <ul key={k}>{items}</ul>
      })}
    </div>
  )
}
