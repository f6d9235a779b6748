import { describe, expect, it } from 'vitest'
import { matchRanges } from '../../../src-renderer/src/features/library/match-ranges'
import { searchTerms } from '../../../src-renderer/src/stores/library-view'

const marked = (text: string, search: string) => matchRanges(text, searchTerms(search)).map(([s, e]) => text.slice(s, e))

describe('search highlights', () => {
  it('marks word prefixes for every term, in any order and case, with extra spaces', () => {
    expect(marked('Tan leather bag on marble', '  MARBLE   leath ')).toEqual(['leath', 'marble'])
    expect(marked('Bags and baggage', 'bag')).toEqual(['Bag', 'bag'])
    // Not inside a word: FTS matches word starts only.
    expect(marked('Handbag', 'bag')).toEqual([])
  })

  it('folds accents like the index does and keeps the original letters', () => {
    expect(marked('Café crème on a table', 'cafe creme')).toEqual(['Café', 'crème'])
  })

  it('hostile input is just text: nothing to mark, nothing thrown', () => {
    expect(marked('<img src=x onerror=alert(1)>', '"><script>')).toEqual([])
    expect(marked('<script>alert(1)</script>', '<script>')).toEqual(['script', 'script'])
    expect(marked('prompt', '')).toEqual([])
    expect(marked('a (b) c', '(((')).toEqual([])
  })
})
