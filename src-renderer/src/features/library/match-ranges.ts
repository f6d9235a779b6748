import { fold } from '../../stores/library-view'

/**
 * Where the search words match a caption, as main's full-text search matches them: a term
 * matches the start of a word (prefix), ignoring case and accents. Answers [start, end)
 * ranges into `text`, sorted and not overlapping, for <mark> spans (text nodes, never HTML).
 */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const wanted = terms.map(fold).filter(Boolean)
  if (wanted.length === 0) return []
  const out: [number, number][] = []
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = m[0]
    const folded = fold(word)
    let best = 0
    for (const t of wanted) if (t.length > best && folded.startsWith(t)) best = t.length
    if (best === 0) continue
    // The prefix of the original word whose folded form covers the term (accents fold to nothing).
    let end = 0
    let covered = 0
    for (const ch of word) {
      if (covered >= best) break
      covered += fold(ch).length
      end += ch.length
    }
    out.push([m.index, m.index + end])
  }
  return out
}
