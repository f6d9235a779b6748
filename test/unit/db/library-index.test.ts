import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../src-main/db/database'
import type { LibraryIndex } from '../../../src-main/library/library-index'
import type { LibraryQuery } from '../../../src-main/library/library-query'
import { fakeRecord } from '../library/fake-record'
import { openTempLibraryIndex, type TempLibraryIndex } from './temp-library-index'

/** The library index on its own: keyset pages, full-text search, one-row edits, modes apart. */

let opened: TempLibraryIndex
let db: Db
let index: LibraryIndex
beforeEach(async () => {
  opened = await openTempLibraryIndex('krev-index-')
  ;({ db, index } = opened)
})
afterEach(() => opened.dispose())

const q = (over: Partial<LibraryQuery> = {}): LibraryQuery => ({ sort: 'newest', limit: 10, ...over })
const fill = (from: number, to: number, over: (n: number) => Parameters<typeof fakeRecord>[1] = () => ({})) =>
  index.transaction(() => {
    for (let n = from; n < to; n++) index.put('krev', fakeRecord(n, over(n)))
  })

/** Every page until the end, running `between` after each one. */
function allPages(query: LibraryQuery, between: (page: number) => void = () => undefined): string[] {
  const seen: string[] = []
  let cursor: string | undefined
  for (let page = 0; page < 1000; page++) {
    const out = index.list('krev', { ...query, ...(cursor ? { cursor } : {}) })
    seen.push(...out.items.map((r) => r.id))
    if (!out.nextCursor) return seen
    cursor = out.nextCursor
    between(page)
  }
  throw new Error('paging never ended')
}

describe('library index', () => {
  it('pages by keyset: items added between pages never repeat or push one out, for every sort', () => {
    fill(0, 95, (n) => ({ rating: n % 6 }))
    for (const sort of ['newest', 'oldest', 'rating'] as const) {
      const before = allPages(q({ sort }))
      let next = 1000 + (sort === 'newest' ? 0 : sort === 'oldest' ? 100 : 200)
      const during = allPages(q({ sort }), () => {
        // A job finishing while the creator scrolls: newer than everything, and one in the middle of the range.
        index.put('krev', fakeRecord(next++, { createdAt: '2027-01-01T00:00:00.000Z', rating: 5 }))
        index.put('krev', fakeRecord(next++, { createdAt: '2026-03-01T00:00:20.500Z', rating: 3 }))
      })
      expect(new Set(during).size).toBe(during.length)
      for (const id of before) expect(during).toContain(id)
    }
  })

  it('pages in the documented order and counts the filtered total', () => {
    fill(0, 25, (n) => ({ kind: n % 5 === 0 ? 'ad' : 'image' }))
    const ids = allPages(q())
    expect(ids).toHaveLength(25)
    expect(ids[0]).toBe('as000024')
    expect(ids.at(-1)).toBe('as000000')
    expect(index.list('krev', q({ kind: 'ad' })).total).toBe(5)
    expect(index.list('krev', q({ limit: 3 })).items.map((r) => r.id)).toEqual(['as000024', 'as000023', 'as000022'])
  })

  it('refuses a cursor it did not make, or one made for another sort', () => {
    fill(0, 12)
    const first = index.list('krev', q())
    expect(() => index.list('krev', q({ cursor: 'garbage!' }))).toThrow(/no longer available/)
    expect(() => index.list('krev', q({ cursor: Buffer.from('{"s":"newest","k":[1,2]}').toString('base64url') }))).toThrow(/no longer available/)
    expect(() => index.list('krev', q({ sort: 'rating', cursor: first.nextCursor as string }))).toThrow(/no longer available/)
  })

  it('searches prompt, ad copy, tags and product names by prefix, and any input is safe', () => {
    index.put('krev', fakeRecord(1, { prompt: 'Leather wallet on marble' }))
    index.put('krev', fakeRecord(2, { prompt: 'Sneakers', tags: ['summer-sale'] }))
    index.put('krev', fakeRecord(3, { prompt: 'Bag', adCopy: { styleName: 's', hook: 'Carry more', headline: 'Tote perfection', bodyCopy: 'b', cta: 'Buy' } }))
    index.put('krev', fakeRecord(4, { prompt: 'Bottle', productIds: ['p1'], productNames: ['Café Thermos'] }))
    const find = (search: string) => index.list('krev', q({ search })).items.map((r) => r.id)
    expect(find('leath')).toEqual(['as000001'])
    expect(find('WALLET marble')).toEqual(['as000001'])
    expect(find('summer')).toEqual(['as000002'])
    expect(find('tote')).toEqual(['as000003'])
    expect(find('cafe thermos')).toEqual(['as000004'])
    expect(find('wallet sneakers')).toEqual([])
    for (const hostile of ['"', '"unterminated', 'wallet OR', 'NEAR(', 'prompt:wallet', '*', '^wallet', 'a AND (b', "'; DROP TABLE assets; --", '\u0000', '(((']) {
      expect(() => find(hostile)).not.toThrow()
    }
    expect(find('"wallet*"')).toEqual(['as000001'])
    // Nothing searchable in it: the whole library, not an error.
    expect(index.list('krev', q({ search: '"*()' })).total).toBe(4)
    index.setTags(index.get('krev', 'as000002')!.seq, ['winter'])
    expect(find('summer')).toEqual([])
    expect(find('winter')).toEqual(['as000002'])
  })

  it('a favourite toggle or a rating writes one row, nothing else', () => {
    fill(0, 200, (n) => ({ tags: [`t${n}`], productIds: ['p'], productNames: ['Tan bag'] }))
    const seq = index.get('krev', 'as000100')!.seq
    const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number
    const before = changes()
    index.setFavorite(seq, true)
    expect(changes() - before).toBe(1)
    index.setRating(seq, 4)
    expect(changes() - before).toBe(2)
    expect(index.get('krev', 'as000100')).toMatchObject({ favorite: true, rating: 4, tags: ['t100'], productIds: ['p'] })
  })

  it('keeps sandbox and Krev apart, and a delete takes tags, product links and search entry with it', () => {
    index.put('krev', fakeRecord(1, { prompt: 'shared words', tags: ['x'], productIds: ['p'], productNames: ['n'] }))
    index.put('sandbox', fakeRecord(1, { prompt: 'shared words' }))
    expect(index.list('sandbox', q({ search: 'shared' })).total).toBe(1)
    index.remove(index.get('krev', 'as000001')!.seq)
    expect(index.list('krev', q({ search: 'shared' })).total).toBe(0)
    expect(index.has('sandbox', 'as000001')).toBe(true)
    for (const table of ['asset_tags', 'asset_products']) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM assets_fts').pluck().get()).toBe(1)
  })
})
